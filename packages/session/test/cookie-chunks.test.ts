import { describe, expect, it } from 'vitest';
import {
  COOKIE_CHUNK_SIZE,
  clearChunkedCookie,
  isCookieOrChunk,
  joinCookie,
  MAX_COOKIE_CHUNKS,
  setChunkedCookie,
  splitCookie,
} from '../src/cookie-chunks.js';

const ATTRS = { maxAgeS: 60, secure: false };
const jar = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('splitCookie', () => {
  it('keeps a value that fits as one cookie under its own name', () => {
    expect(splitCookie('t', 'abc')).toEqual([['t', 'abc']]);
    const exact = 'x'.repeat(COOKIE_CHUNK_SIZE);
    expect(splitCookie('t', exact)).toEqual([['t', exact]]);
    expect(splitCookie('t', '')).toEqual([['t', '']]);
  });

  it('splits a longer value into t.0, t.1, ... of at most the chunk size, in order', () => {
    const value = `${'a'.repeat(COOKIE_CHUNK_SIZE) + 'b'.repeat(COOKIE_CHUNK_SIZE)}c`;
    const chunks = splitCookie('t', value);
    expect(chunks.map(([name]) => name)).toEqual(['t.0', 't.1', 't.2']);
    expect(chunks.map(([, chunk]) => chunk.length)).toEqual([COOKIE_CHUNK_SIZE, COOKIE_CHUNK_SIZE, 1]);
    expect(chunks.map(([, chunk]) => chunk).join('')).toBe(value);
    expect(splitCookie('t', 'x'.repeat(COOKIE_CHUNK_SIZE + 1)).map(([name]) => name)).toEqual(['t.0', 't.1']);
  });

  it('refuses a value that needs more than the most chunks', () => {
    expect(splitCookie('t', 'x'.repeat(COOKIE_CHUNK_SIZE * MAX_COOKIE_CHUNKS))).toHaveLength(MAX_COOKIE_CHUNKS);
    expect(() => splitCookie('t', 'x'.repeat(COOKIE_CHUNK_SIZE * MAX_COOKIE_CHUNKS + 1))).toThrow(
      `cookie t needs ${MAX_COOKIE_CHUNKS + 1} chunks, more than ${MAX_COOKIE_CHUNKS}`,
    );
  });
});

describe('joinCookie', () => {
  it('reads the whole cookie, or joins the chunks in order', () => {
    expect(joinCookie(jar({ t: 'abc' }), 't')).toBe('abc');
    expect(joinCookie(jar({ 't.1': 'B', 't.0': 'A', 't.2': 'C' }), 't')).toBe('ABC');
    expect(joinCookie(jar({}), 't')).toBeUndefined();
    expect(joinCookie(jar({ other: 'x', 'tt.0': 'y' }), 't')).toBeUndefined();
  });

  it('prefers the whole cookie over chunks', () => {
    expect(joinCookie(jar({ t: 'whole', 't.0': 'A' }), 't')).toBe('whole');
  });

  it('is null for chunks that are not one unbroken run from t.0', () => {
    expect(joinCookie(jar({ 't.1': 'B' }), 't')).toBeNull();
    expect(joinCookie(jar({ 't.0': 'A', 't.2': 'C' }), 't')).toBeNull();
    const tooMany = Object.fromEntries(Array.from({ length: MAX_COOKIE_CHUNKS + 1 }, (_, i) => [`t.${i}`, 'x']));
    expect(joinCookie(jar(tooMany), 't')).toBeNull();
    const most = Object.fromEntries(Array.from({ length: MAX_COOKIE_CHUNKS }, (_, i) => [`t.${i}`, 'x']));
    expect(joinCookie(jar(most), 't')).toBe('x'.repeat(MAX_COOKIE_CHUNKS));
  });

  it('ignores names that only look like chunks', () => {
    expect(joinCookie(jar({ 't.0': 'A', 't.x': 'junk', 't.': 'junk', 't.1a': 'junk' }), 't')).toBe('A');
  });

  it('round-trips every split', () => {
    for (const length of [0, 1, COOKIE_CHUNK_SIZE - 1, COOKIE_CHUNK_SIZE, COOKIE_CHUNK_SIZE + 1, COOKIE_CHUNK_SIZE * 3 + 7]) {
      const value = Array.from({ length }, (_, i) => String.fromCharCode(0x21 + (i % 90))).join('');
      expect(joinCookie(new Map(splitCookie('t', value)), 't')).toBe(value);
    }
  });
});

describe('setChunkedCookie / clearChunkedCookie / isCookieOrChunk', () => {
  it('writes the chunks and deletes stale chunks of a longer earlier value', () => {
    const lines = setChunkedCookie(jar({ 't.0': 'A', 't.1': 'B', 't.2': 'C' }), 't', 'short', ATTRS);
    expect(lines[0]).toBe('t=short; Path=/; Max-Age=60; SameSite=Lax; HttpOnly');
    expect(lines.slice(1).sort()).toEqual(
      ['t.0', 't.1', 't.2'].map((name) => `${name}=; Path=/; Max-Age=0; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly`),
    );
  });

  it('deletes the whole cookie when the value now needs chunks, and only chunks beyond the new count', () => {
    const long = 'x'.repeat(COOKIE_CHUNK_SIZE + 1);
    const lines = setChunkedCookie(jar({ t: 'old', 't.0': 'A', 't.1': 'B', 't.2': 'C', u: 'keep' }), 't', long, ATTRS);
    const names = lines.map((line) => `${line.slice(0, line.indexOf('='))}${/Max-Age=0/.test(line) ? ' (deleted)' : ''}`);
    expect(names.sort()).toEqual(['t (deleted)', 't.0', 't.1', 't.2 (deleted)']);
  });

  it('deletes nothing the request did not carry', () => {
    expect(setChunkedCookie(jar({}), 't', 'v', ATTRS)).toEqual(['t=v; Path=/; Max-Age=60; SameSite=Lax; HttpOnly']);
  });

  it('clears the cookie and every chunk present', () => {
    const lines = clearChunkedCookie(jar({ 't.0': 'A', 't.1': 'B', other: 'x' }), 't', true);
    expect(lines.map((line) => line.slice(0, line.indexOf('=')))).toEqual(['t', 't.0', 't.1']);
    for (const line of lines) expect(line).toMatch(/Max-Age=0; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure$/);
    expect(clearChunkedCookie(jar({ t: 'x' }), 't', false)).toHaveLength(1);
  });

  it('tells the cookie and its chunks from other names', () => {
    expect(['t', 't.0', 't.12'].map((name) => isCookieOrChunk(name, 't'))).toEqual([true, true, true]);
    expect(['tt', 't.', 't.x', 't.1a', 'x.t', 't0', 'u.0'].map((name) => isCookieOrChunk(name, 't'))).toEqual(Array(7).fill(false));
  });
});
