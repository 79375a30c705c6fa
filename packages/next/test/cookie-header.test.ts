import { describe, expect, it } from 'vitest';
import { formatCookieHeader, parseCookieHeader, serializeClearCookie, serializeSetCookie } from '../src/session/cookie-header.js';

describe('parseCookieHeader', () => {
  it('reads name=value pairs, trimming spaces, first of a repeated name winning', () => {
    expect([...parseCookieHeader('a=1; b = 2 ;c=3=4; a=5')]).toEqual([['a', '1'], ['b', '2'], ['c', '3=4']]);
  });

  it('skips parts without = or without a name, and unquotes a quoted value', () => {
    expect([...parseCookieHeader('junk; =x; q="v"; e=; "=""')]).toEqual([['q', 'v'], ['e', ''], ['"', '']]);
    expect(parseCookieHeader('a="').get('a')).toBe('"');
  });

  it('is empty for a missing header', () => {
    expect(parseCookieHeader(null).size).toBe(0);
    expect(parseCookieHeader(undefined).size).toBe(0);
    expect(parseCookieHeader('').size).toBe(0);
  });

  it('formats a Cookie header back', () => {
    expect(formatCookieHeader(new Map([['a', '1'], ['b', '2']]))).toBe('a=1; b=2');
    expect(formatCookieHeader(new Map())).toBe('');
  });
});

describe('serializeSetCookie', () => {
  it('writes Path=/, Max-Age in whole seconds, SameSite=Lax, HttpOnly, and Secure when asked', () => {
    expect(serializeSetCookie('n', 'v', { maxAgeS: 600.9, secure: true })).toBe('n=v; Path=/; Max-Age=600; SameSite=Lax; HttpOnly; Secure');
    expect(serializeSetCookie('n', 'v', { maxAgeS: 1, secure: false, httpOnly: false })).toBe('n=v; Path=/; Max-Age=1; SameSite=Lax');
  });

  it('expires a cookie at once for a lifetime of 0 or less', () => {
    expect(serializeSetCookie('n', 'v', { maxAgeS: -5, secure: false })).toBe('n=v; Path=/; Max-Age=0; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly');
    expect(serializeClearCookie('n', true)).toBe('n=; Path=/; Max-Age=0; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure');
  });
});
