import { describe, expect, it } from 'vitest';
import { parseCookieHeader, rewriteCookieHeader, serializeClearCookie, serializeSetCookie } from '../src/cookie-header.js';

describe('parseCookieHeader', () => {
  it('reads name=value pairs, trimming spaces, first of a repeated name winning', () => {
    expect([...parseCookieHeader('a=1; b = 2 ;c=3=4; a=5')]).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3=4'],
    ]);
  });

  it('skips parts without = or without a name, and keeps values exactly as sent', () => {
    expect([...parseCookieHeader('junk; =x; q="v"; e=; p=%20')]).toEqual([
      ['q', '"v"'],
      ['e', ''],
      ['p', '%20'],
    ]);
  });

  it('is empty for a missing header', () => {
    expect(parseCookieHeader(null).size).toBe(0);
    expect(parseCookieHeader(undefined).size).toBe(0);
    expect(parseCookieHeader('').size).toBe(0);
  });

  it('rewrites a Cookie header: the dropped names out, the added ones appended, every other part as sent', () => {
    const header = 'theme="dark mode"; t=old;a=1;  t.0=x; a=2; junk';
    expect(rewriteCookieHeader(header, (name) => name === 't' || name === 't.0', [['t', 'new']])).toBe(
      'theme="dark mode"; a=1; a=2; junk; t=new',
    );
    expect(
      rewriteCookieHeader(null, () => false, [
        ['t', 'v'],
        ['u', 'w'],
      ]),
    ).toBe('t=v; u=w');
    expect(rewriteCookieHeader('a=1;;', () => false, [])).toBe('a=1');
  });
});

describe('serializeSetCookie', () => {
  it('writes Path=/, Max-Age in whole seconds, SameSite=Lax, HttpOnly, and Secure when asked', () => {
    expect(serializeSetCookie('n', 'v', { maxAgeS: 600.9, secure: true })).toBe('n=v; Path=/; Max-Age=600; SameSite=Lax; HttpOnly; Secure');
    expect(serializeSetCookie('n', 'v', { maxAgeS: 1, secure: false, httpOnly: false })).toBe('n=v; Path=/; Max-Age=1; SameSite=Lax');
  });

  it('expires a cookie at once for a lifetime of 0 or less', () => {
    expect(serializeSetCookie('n', 'v', { maxAgeS: -5, secure: false })).toBe(
      'n=v; Path=/; Max-Age=0; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly',
    );
    expect(serializeClearCookie('n', true)).toBe(
      'n=; Path=/; Max-Age=0; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure',
    );
  });
});
