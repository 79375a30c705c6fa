import type { UserData } from '@authlite/core';
import { describe, expect, it } from 'vitest';
import { SESSION_CACHE_MAX_ENTRIES, SessionCache } from '../src/session/session-cache.js';
import { unverifiedExpiryS } from '../src/session/token-shape.js';

/** An unsigned JWT-shaped token with this payload (the cache reads `exp` without verifying). */
function token(payload: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'HS256' })}.${part(payload)}.sig`;
}

const user = { uid: 'u1', email: 'a@example.com', img: '' } as UserData;

describe('SessionCache', () => {
  it('remembers a valid token for the TTL, then forgets it', () => {
    let now = 1_000_000;
    const cache = new SessionCache(30, () => now);
    const t = token({ exp: 10_000_000 });
    expect(cache.isValid(t)).toBe(false);
    cache.remember(t);
    now += 29_999;
    expect(cache.isValid(t)).toBe(true);
    now += 1;
    expect(cache.isValid(t)).toBe(false);
  });

  it('never keeps a token past its exp claim', () => {
    let now = 1_000_000;
    const cache = new SessionCache(30, () => now);
    const t = token({ exp: 1_010 }); // 10 s from now
    cache.remember(t, user);
    now += 9_999;
    expect(cache.user(t)).toBe(user);
    now += 1;
    expect(cache.isValid(t)).toBe(false);
    const expired = token({ exp: 1_000 });
    cache.remember(expired);
    expect(cache.isValid(expired)).toBe(false);
  });

  it('adds user data to an entry without extending it', () => {
    let now = 0;
    const cache = new SessionCache(30, () => now);
    const t = token({});
    cache.remember(t);
    now += 20_000;
    cache.remember(t, user);
    expect(cache.user(t)).toBe(user);
    now += 10_000;
    expect(cache.user(t)).toBeUndefined();
  });

  it('keeps earlier user data when a later remember has none', () => {
    const cache = new SessionCache(30, () => 0);
    cache.remember('opaque', user);
    cache.remember('opaque');
    expect(cache.user('opaque')).toBe(user);
  });

  it('is off with a TTL of 0', () => {
    const cache = new SessionCache(0, () => 0);
    cache.remember('t', user);
    expect([cache.isValid('t'), cache.user('t')]).toEqual([false, undefined]);
  });

  it('evicts one token at once', () => {
    const cache = new SessionCache(30, () => 0);
    cache.remember('a');
    cache.remember('b');
    cache.evict('a');
    expect([cache.isValid('a'), cache.isValid('b')]).toEqual([false, true]);
  });

  it('holds at most the most entries, dropping the oldest', () => {
    const cache = new SessionCache(30, () => 0);
    for (let i = 0; i <= SESSION_CACHE_MAX_ENTRIES; i++) cache.remember(`t${i}`);
    expect(cache.isValid('t0')).toBe(false);
    expect(cache.isValid('t1')).toBe(true);
    expect(cache.isValid(`t${SESSION_CACHE_MAX_ENTRIES}`)).toBe(true);
  });
});

describe('unverifiedExpiryS', () => {
  it('reads a numeric exp, and nothing else', () => {
    expect(unverifiedExpiryS(token({ exp: 123 }))).toBe(123);
    expect(unverifiedExpiryS(token({ exp: '123' }))).toBeUndefined();
    expect(unverifiedExpiryS(token({}))).toBeUndefined();
    expect(unverifiedExpiryS('opaque')).toBeUndefined();
    expect(unverifiedExpiryS('a.!!!.c')).toBeUndefined();
  });
});
