import { describe, expect, it } from 'vitest';
import { MAX_RETURN_PATH_BYTES, returnPathToSave, safeReturnUrl } from '../src/session/return-path.js';

const ORIGIN = 'https://app.example';
const HOME = `${ORIGIN}/`;

// Known open-redirect payloads (PayloadsAllTheThings "Open Redirect", OWASP cheat sheet, and the
// control characters that browsers strip from URLs): none may leave the app's origin.
const PAYLOADS = [
  '//evil.example',
  '//evil.example/',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\r/evil.example',
  '/\n/evil.example',
  '/\t\t/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/ /evil.example',
  '/\u0000/evil.example',
  '/\u001f/evil.example',
  '/\u007f/evil.example',
  'https://evil.example',
  'https:evil.example',
  'http:/evil.example',
  '//evil.example@app.example',
  '/@evil.example',
  '//app.example@evil.example',
  '//evil.example%2f..',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil%E3%80%82example',
  '//\u3002evil.example',
  '/%09/evil.example',
  '/%5cevil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/..//evil.example',
  'evil.example',
  '',
];

describe('safeReturnUrl: the open-redirect corpus', () => {
  it.each(PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))('%s stays on the app', (_, payload) => {
    const url = new URL(safeReturnUrl(payload, ORIGIN, '/'));
    expect(url.origin).toBe(ORIGIN);
    // And what a browser does with the Location header lands on the app too.
    expect(new URL(safeReturnUrl(payload, ORIGIN, '/'), `${ORIGIN}/some/page`).origin).toBe(ORIGIN);
  });

  it('refuses everything that is not plainly a path, falling back to the given page', () => {
    for (const payload of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\r/x', '/\n/x', 'https://evil.example', 'x', '']) {
      expect(safeReturnUrl(payload, ORIGIN, '/dashboard')).toBe(`${ORIGIN}/dashboard`);
    }
    expect(safeReturnUrl(undefined, ORIGIN, '/')).toBe(HOME);
  });

  it('a path that normalises to //host is kept on the app as an absolute URL, never as //host', () => {
    expect(safeReturnUrl('/.//evil.example', ORIGIN, '/')).toBe(`${ORIGIN}//evil.example`);
    expect(safeReturnUrl('/%2F%2Fevil.example', ORIGIN, '/')).toBe(`${ORIGIN}/%2F%2Fevil.example`);
  });

  it('keeps ordinary paths with query and hash', () => {
    expect(safeReturnUrl('/reports?tab=2&x=%20y', ORIGIN, '/')).toBe(`${ORIGIN}/reports?tab=2&x=%20y`);
    expect(safeReturnUrl('/a/b#part', ORIGIN, '/')).toBe(`${ORIGIN}/a/b#part`);
    expect(safeReturnUrl('/', ORIGIN, '/x')).toBe(HOME);
    expect(safeReturnUrl('/café', ORIGIN, '/')).toBe(`${ORIGIN}/caf%C3%A9`);
  });

  it('refuses a path longer than the cap, and accepts one exactly at it', () => {
    const atCap = `/${'a'.repeat(MAX_RETURN_PATH_BYTES - 1)}`;
    expect(safeReturnUrl(atCap, ORIGIN, '/')).toBe(`${ORIGIN}${atCap}`);
    expect(safeReturnUrl(`${atCap}a`, ORIGIN, '/')).toBe(HOME);
  });

  it('refuses a path that resolves to the app with credentials (//user@app)', () => {
    expect(safeReturnUrl('//evil.example@app.example', ORIGIN, '/d')).toBe(`${ORIGIN}/d`);
    expect(safeReturnUrl('//a:b@app.example/x', ORIGIN, '/d')).toBe(`${ORIGIN}/d`);
  });

  it('rejects a fallback that is not a path of the app', () => {
    expect(() => safeReturnUrl('/x', ORIGIN, 'https://evil.example/')).toThrow(RangeError);
    expect(() => safeReturnUrl('/x', ORIGIN, '//evil.example/')).toThrow('the fallback return path must be a path of the app');
  });
});

describe('returnPathToSave', () => {
  it('keeps path and query, never the hash', () => {
    expect(returnPathToSave(new URL(`${ORIGIN}/reports?tab=2#x`))).toBe('/reports?tab=2');
  });

  it('drops the query of a deep link whose cookie would pass the cap, then the whole path', () => {
    expect(returnPathToSave(new URL(`${ORIGIN}/deep?q=${'a'.repeat(5000)}`))).toBe('/deep');
    const longPath = `/${'a'.repeat(MAX_RETURN_PATH_BYTES)}`;
    expect(returnPathToSave(new URL(`${ORIGIN}${longPath}?q=1`))).toBeUndefined();
    // '/' is encoded as %2F: 3 bytes.
    const atCap = `/${'a'.repeat(MAX_RETURN_PATH_BYTES - 3)}`;
    expect(returnPathToSave(new URL(`${ORIGIN}${atCap}`))).toBe(atCap);
    expect(returnPathToSave(new URL(`${ORIGIN}${atCap}a`))).toBeUndefined();
  });

  it('measures the cap on the percent-encoded cookie value', () => {
    // '?' and '=' are encoded as 3 bytes each in the cookie.
    const query = `?${'='.repeat(1000)}`;
    expect(returnPathToSave(new URL(`${ORIGIN}/p${query}`))).toBe('/p');
    const fits = `?${'='.repeat(990)}`;
    expect(returnPathToSave(new URL(`${ORIGIN}/p${fits}`))).toBe(`/p${fits}`);
  });
});
