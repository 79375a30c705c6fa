import { describe, expect, it } from 'vitest';
import { appPath, MAX_RETURN_PATH_BYTES, returnPathToSave, safeReturnPath } from '../src/return-path.js';

const ORIGIN = 'https://app.example';

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
  '/\r\n/evil.example',
  '/\t\t/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/\u0000/evil.example',
  '/\u001f/evil.example',
  '/\u007f/evil.example',
  'https://evil.example',
  'https:evil.example',
  'http:/evil.example',
  '//evil.example@app.example',
  '//app.example@evil.example',
  '//a:b@app.example/x',
  '//evil.example%2f..',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil%E3%80%82example',
  '//\u3002evil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/..//evil.example',
  '/a/..//evil.example',
  '/%2e//evil.example',
  '/%2e%2e//evil.example',
  'evil.example',
  '',
];

describe('safeReturnPath: the open-redirect corpus', () => {
  it.each(PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))('%s falls back to the given page', (_, payload) => {
    expect(safeReturnPath(payload, '/home')).toBe('/home');
    expect(appPath(payload)).toBeUndefined();
  });

  it.each([
    '/ /x',
    '/@evil.example',
    '/%09/evil.example',
    '/%5cevil.example',
    '/%2F%2Fevil.example',
    '/x?next=//evil.example',
    '/x#//evil.example',
  ])('%s stays a path of the app (the browser resolves it on the app)', (payload) => {
    const path = safeReturnPath(payload, '/home');
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(new URL(path, `${ORIGIN}/auth/callback`).origin).toBe(ORIGIN);
  });

  it('keeps ordinary paths with query and hash, normalised', () => {
    expect(safeReturnPath('/reports?tab=2&x=%20y', '/')).toBe('/reports?tab=2&x=%20y');
    expect(safeReturnPath('/a/b#part', '/')).toBe('/a/b#part');
    expect(safeReturnPath('/', '/x')).toBe('/');
    expect(safeReturnPath('/café', '/')).toBe('/caf%C3%A9');
    expect(safeReturnPath('/a/./b/../c', '/')).toBe('/a/c');
    expect(safeReturnPath('/ /x', '/')).toBe('/%20/x');
    expect(safeReturnPath(undefined, '/dashboard')).toBe('/dashboard');
  });

  it('refuses a path longer than the cap, and accepts one exactly at it', () => {
    const atCap = `/${'a'.repeat(MAX_RETURN_PATH_BYTES - 1)}`;
    expect(safeReturnPath(atCap, '/home')).toBe(atCap);
    expect(safeReturnPath(`${atCap}a`, '/home')).toBe('/home');
  });

  it('rejects a fallback that is not a path of the app', () => {
    expect(() => safeReturnPath('/x', 'https://evil.example/')).toThrow(RangeError);
    expect(() => safeReturnPath('/x', '//evil.example/')).toThrow('the fallback return path must be a path of the app');
    expect(() => safeReturnPath(undefined, '/.//evil.example')).toThrow(RangeError);
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
    expect(returnPathToSave(new URL(`${ORIGIN}/p?${'='.repeat(1000)}`))).toBe('/p');
    const fits = `?${'='.repeat(990)}`;
    expect(returnPathToSave(new URL(`${ORIGIN}/p${fits}`))).toBe(`/p${fits}`);
  });
});
