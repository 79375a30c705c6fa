import { describe, expect, it } from 'vitest';
import { COOKIE_CHUNK_SIZE } from '../src/cookie-chunks.js';
import { parseCookieHeader } from '../src/cookie-header.js';
import { LOGIN_NONCE_MAX_AGE_S } from '../src/login-nonce.js';
import {
  clearLoginCookies,
  clearSessionCookies,
  cookieHeaderWithSession,
  readReturnPath,
  readSession,
  type SessionCookieSettings,
  setLoginCookies,
  setSessionCookies,
} from '../src/session-cookies.js';

const SETTINGS: SessionCookieSettings = { access: 'at', refresh: 'rt', returnTo: 'rto', nonce: 'nn', maxAgeS: 2_592_000, secure: true };
const jar = (entries: Record<string, string>) => new Map(Object.entries(entries));
const names = (lines: string[]) => lines.map((line) => line.slice(0, line.indexOf('=')));

describe('readSession', () => {
  it('reads both tokens, joined from their chunks', () => {
    const long = 'a'.repeat(COOKIE_CHUNK_SIZE + 10);
    expect(readSession(jar({ at: 'access.1', rt: 'refresh.1' }), SETTINGS)).toEqual({
      kind: 'tokens',
      access: 'access.1',
      refresh: 'refresh.1',
    });
    const chunked = jar({ 'at.0': long.slice(0, COOKIE_CHUNK_SIZE), 'at.1': long.slice(COOKIE_CHUNK_SIZE), rt: 'r' });
    expect(readSession(chunked, SETTINGS)).toEqual({ kind: 'tokens', access: long, refresh: 'r' });
  });

  it('is none with neither cookie, and unreadable with one missing or malformed', () => {
    expect(readSession(jar({ other: 'x' }), SETTINGS)).toEqual({ kind: 'none' });
    expect(readSession(jar({ at: 'a' }), SETTINGS)).toEqual({ kind: 'unreadable' });
    expect(readSession(jar({ rt: 'r' }), SETTINGS)).toEqual({ kind: 'unreadable' });
    expect(readSession(jar({ at: 'a b', rt: 'r' }), SETTINGS)).toEqual({ kind: 'unreadable' });
    expect(readSession(jar({ at: 'a', rt: 'r\u00e9' }), SETTINGS)).toEqual({ kind: 'unreadable' });
  });
});

describe('setSessionCookies and clearSessionCookies', () => {
  it('sets both tokens HttpOnly with the session lifetime and Secure', () => {
    const lines = setSessionCookies(jar({}), SETTINGS, 'access.1', 'refresh.1');
    expect(names(lines)).toEqual(['at', 'rt']);
    for (const line of lines) {
      expect(line).toMatch(/HttpOnly/i);
      expect(line).toMatch(/Max-Age=2592000/);
      expect(line).toMatch(/Secure/);
    }
    expect(lines[0]).toMatch(/^at=access\.1;/);
    expect(lines[1]).toMatch(/^rt=refresh\.1;/);
  });

  it('clears both tokens and every chunk the request carried', () => {
    const lines = clearSessionCookies(jar({ at: 'a', 'rt.0': 'x', 'rt.1': 'y', other: 'z' }), SETTINGS);
    expect(names(lines).sort()).toEqual(['at', 'rt', 'rt.0', 'rt.1']);
    for (const line of lines) expect(line).toMatch(/Max-Age=0/);
  });
});

describe('cookieHeaderWithSession', () => {
  it("replaces the token pair and keeps the app's other cookies byte for byte", () => {
    const header = 'theme=dark; at=old; at.0=stale; rt=oldr; cart=a%20b';
    const rewritten = parseCookieHeader(cookieHeaderWithSession(header, SETTINGS, 'new.a', 'new.r'));
    expect(Object.fromEntries(rewritten)).toEqual({ theme: 'dark', cart: 'a%20b', at: 'new.a', rt: 'new.r' });
  });
});

describe('login cookies', () => {
  it('sets the nonce and the return path (percent-encoded) for the nonce lifetime', () => {
    const lines = setLoginCookies(SETTINGS, 'nonce-1', '/reports?q=a b');
    expect(names(lines)).toEqual(['nn', 'rto']);
    expect(lines[0]).toMatch(new RegExp(`^nn=nonce-1;.*Max-Age=${LOGIN_NONCE_MAX_AGE_S}`));
    expect(lines[1]).toMatch(/^rto=%2Freports%3Fq%3Da%20b;/);
  });

  it('deletes a saved return path when the login has none, and both cookies once the login completed', () => {
    const [, returnTo] = setLoginCookies(SETTINGS, 'nonce-1', undefined);
    expect(returnTo).toMatch(/^rto=;.*Max-Age=0/);
    expect(names(clearLoginCookies(SETTINGS))).toEqual(['nn', 'rto']);
    for (const line of clearLoginCookies(SETTINGS)) expect(line).toMatch(/Max-Age=0/);
  });

  it('reads the return path back, and nothing for an absent or undecodable one', () => {
    expect(readReturnPath(jar({ rto: '%2Freports%3Fq%3Da%20b' }), SETTINGS)).toBe('/reports?q=a b');
    expect(readReturnPath(jar({}), SETTINGS)).toBeUndefined();
    expect(readReturnPath(jar({ rto: '%E0%A4%A' }), SETTINGS)).toBeUndefined();
  });
});

describe('boundaries of the same guards', () => {
  it('a chunk name is the cookie name, a dot and digits only', async () => {
    const { isCookieOrChunk } = await import('../src/cookie-chunks.js');
    expect(isCookieOrChunk('at.12', 'at')).toBe(true);
    expect(isCookieOrChunk('at.x1', 'at')).toBe(false);
    expect(isCookieOrChunk('at.1x', 'at')).toBe(false);
  });

  it('a return path whose cookie value is exactly the cap is kept, one byte more is cut to its path', async () => {
    const { MAX_RETURN_PATH_BYTES, returnPathToSave } = await import('../src/return-path.js');
    const query = `?q=${'a'.repeat(MAX_RETURN_PATH_BYTES - encodeURIComponent('/r?q=').length)}`;
    expect(encodeURIComponent(`/r${query}`).length).toBe(MAX_RETURN_PATH_BYTES);
    expect(returnPathToSave(new URL(`https://app.test/r${query}`))).toBe(`/r${query}`);
    expect(returnPathToSave(new URL(`https://app.test/r${query}a`))).toBe('/r');
    const path = `/${'p'.repeat(MAX_RETURN_PATH_BYTES - encodeURIComponent('/').length)}`;
    expect(returnPathToSave(new URL(`https://app.test${path}?x=1`))).toBe(path);
    expect(returnPathToSave(new URL(`https://app.test${path}p?x=1`))).toBeUndefined();
  });
});

describe('cookieHeaderWithSession, loosely written headers', () => {
  it('replaces a token cookie written with spaces around its name', () => {
    const rewritten = cookieHeaderWithSession('at =old;rt= oldr ; theme=dark', SETTINGS, 'new.a', 'new.r');
    expect(Object.fromEntries(parseCookieHeader(rewritten))).toEqual({ theme: 'dark', at: 'new.a', rt: 'new.r' });
  });
});
