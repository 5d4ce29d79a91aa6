import { describe, expect, it } from 'vitest';
import { hintsFor, isMobile, NARROW_QUERY, WIDTH_COOKIE } from './ssr.ts';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const ANDROID_FIREFOX = 'Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const narrowFor = (headers: Record<string, string>, cookies: Record<string, string> = {}) =>
  hintsFor(new Headers(headers), cookies).media[NARROW_QUERY];

describe('the width a first page is rendered for', () => {
  it('follows Chromium’s mobile client hint', () => {
    expect(isMobile(new Headers({ 'sec-ch-ua-mobile': '?1', 'user-agent': ANDROID_CHROME }))).toBe(
      true,
    );
    expect(isMobile(new Headers({ 'sec-ch-ua-mobile': '?0' }))).toBe(false);
    // The hint wins over a User-Agent that says otherwise (a desktop browser asking for a phone's site).
    expect(isMobile(new Headers({ 'sec-ch-ua-mobile': '?0', 'user-agent': ANDROID_CHROME }))).toBe(
      false,
    );
  });

  it('reads the User-Agent of browsers that send no client hints (Safari, Firefox)', () => {
    expect(isMobile(new Headers({ 'user-agent': IPHONE_SAFARI }))).toBe(true);
    expect(isMobile(new Headers({ 'user-agent': ANDROID_FIREFOX }))).toBe(true);
    expect(isMobile(new Headers({ 'user-agent': MAC_SAFARI }))).toBe(false);
    expect(isMobile(new Headers())).toBe(false);
  });

  it('is the browser’s own width once its cookie says it, whatever the headers guess', () => {
    expect(narrowFor({ 'user-agent': IPHONE_SAFARI })).toBe(true);
    expect(narrowFor({ 'user-agent': IPHONE_SAFARI }, { [WIDTH_COOKIE]: '1180' })).toBe(false);
    expect(narrowFor({ 'sec-ch-ua-mobile': '?0' }, { [WIDTH_COOKIE]: '820' })).toBe(true);
    // A cookie that is not a width is ignored.
    expect(narrowFor({ 'user-agent': IPHONE_SAFARI }, { [WIDTH_COOKIE]: 'wide' })).toBe(true);
    expect(narrowFor({ 'user-agent': MAC_SAFARI }, { [WIDTH_COOKIE]: '-5' })).toBe(false);
  });
});
