/** Helpers the sandbox tests share: a fixed clock and a one-line authorised GET. */
import type { Hono } from 'hono';
import { SANDBOX_API_KEY, createSandboxApp } from './app.ts';

/** A fixed instant, 10 s into a 60 s live cycle. */
export const NOW = Date.parse('2026-11-28T12:00:10.000Z');

export function testApp(now: () => number = () => NOW): Hono {
  return createSandboxApp({ now, liveCycleSeconds: 60 });
}

export async function get(
  app: Hono,
  path: string,
  /** null sends no key at all. */
  apiKey: string | null = SANDBOX_API_KEY,
): Promise<{ status: number; contentType: string | null; text: string; body: unknown }> {
  const headers: Record<string, string> = apiKey === null ? {} : { 'X-API-Key': apiKey };
  const response = await app.fetch(new Request(`http://sandbox${path}`, { headers }));
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    text,
    body: JSON.parse(text) as unknown,
  };
}
