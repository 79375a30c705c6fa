import { describe, expect, it } from 'vitest';
import { markPrivate, PRIVATE_CACHE_CONTROL } from '../src/session/cache-headers.js';
import { isLoginNonce, newLoginNonce } from '../src/session/login-nonce.js';
import { isWellFormedToken, MAX_TOKEN_CHARS } from '../src/session/token-shape.js';

describe('login nonce', () => {
  it('is 22 base64url characters, different each time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newLoginNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect([...nonces].every(isLoginNonce)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [undefined, '', 'a'.repeat(21), 'a'.repeat(23), `${'a'.repeat(21)}+`, `${'a'.repeat(21)}=`, ` ${'a'.repeat(21)}`]) {
      expect(isLoginNonce(value)).toBe(false);
    }
    expect(isLoginNonce('a'.repeat(22))).toBe(true);
  });
});

describe('isWellFormedToken', () => {
  it('accepts 1 to 8192 printable ASCII characters', () => {
    expect(isWellFormedToken('!')).toBe(true);
    expect(isWellFormedToken('~'.repeat(MAX_TOKEN_CHARS))).toBe(true);
    expect(isWellFormedToken('eyJ.a-b_c.d')).toBe(true);
  });

  it('refuses empty, too long, spaces, controls, DEL and non-ASCII', () => {
    for (const value of [undefined, null, '', 'a'.repeat(MAX_TOKEN_CHARS + 1), 'a b', 'a\tb', 'a\u007fb', 'é', 'a\u0000']) {
      expect(isWellFormedToken(value)).toBe(false);
    }
  });
});

describe('markPrivate', () => {
  it('replaces Cache-Control and adds Cookie to Vary once', () => {
    const headers = new Headers({ 'cache-control': 's-maxage=31536000', vary: 'Accept-Encoding' });
    markPrivate(headers);
    expect([headers.get('cache-control'), headers.get('vary')]).toEqual([PRIVATE_CACHE_CONTROL, 'Accept-Encoding, Cookie']);
    markPrivate(headers);
    expect(headers.get('vary')).toBe('Accept-Encoding, Cookie');
  });

  it('keeps a Vary that already names cookie (any case) or *', () => {
    for (const vary of ['cookie', 'Accept, COOKIE', '*']) {
      const headers = new Headers({ vary });
      markPrivate(headers);
      expect(headers.get('vary')).toBe(vary);
    }
    const empty = new Headers();
    markPrivate(empty);
    expect([empty.get('cache-control'), empty.get('vary')]).toEqual(['private, no-store', 'Cookie']);
  });
});
