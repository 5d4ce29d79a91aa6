/**
 * React DOM for the browser, loaded without capturing the stacks of the signals it creates as
 * it loads (see stacks-off.ts). Imports run in order: stack capture off, React DOM, then this
 * module's body, which turns it on again.
 */
import { restoreStackTraces } from './stacks-off';
import { createRoot, hydrateRoot } from 'react-dom/client';

restoreStackTraces();

export { createRoot, hydrateRoot };
