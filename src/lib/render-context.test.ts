import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberTimeZone } from './render-context';

afterEach(() => {
  document.cookie = 'sm-tz=; path=/; max-age=0';
  vi.restoreAllMocks();
});

describe('rememberTimeZone', () => {
  it('keeps the zone in the cookie the server renders the next page with', () => {
    rememberTimeZone('Europe/Berlin');
    expect(document.cookie.split('; ')).toContain('sm-tz=Europe%2FBerlin');
    rememberTimeZone('America/Sao_Paulo');
    expect(document.cookie.split('; ')).toContain('sm-tz=America%2FSao_Paulo');
  });

  it('does not write the cookie again when it already holds the zone', () => {
    rememberTimeZone('Asia/Tokyo');
    const set = vi.spyOn(Document.prototype, 'cookie', 'set');
    rememberTimeZone('Asia/Tokyo');
    expect(set).not.toHaveBeenCalled();
  });
});
