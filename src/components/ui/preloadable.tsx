import { lazy, type ComponentType } from 'react';

/**
 * A component whose code loads on first use (React.lazy), which can also be loaded ahead:
 * once `preload()` has finished it renders directly, without suspending. A server-rendered
 * page preloads what it shows before hydrating, on the server and in the browser alike, so
 * the whole page hydrates in one pass and data arriving meanwhile cannot meet half-hydrated
 * parts.
 */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload: () => Promise<void> } {
  let loaded: ComponentType<P> | undefined;
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  Preloadable.preload = () =>
    load().then((component) => {
      loaded = component;
    });
  return Preloadable;
}
