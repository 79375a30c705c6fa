import { describe, expect, it } from 'vitest';
import { createEncryptedRefreshGrace } from '../src/entries/refresh-grace.js';

const secretKey = 's'.repeat(64);
const get = async (): Promise<null> => null;
const put = async (): Promise<void> => undefined;

describe('createEncryptedRefreshGrace: bad options are refused before any store call, never echoing the secret key', () => {
  it.each([
    ['no backend', { secretKey }, /needs a backend with get and put/],
    ['a backend without put', { backend: { get }, secretKey }, /needs a backend with get and put/],
    ['an empty secret key', { backend: { get, put }, secretKey: '' }, /needs the secret key/],
    ['a prefix that is not a string', { backend: { get, put }, secretKey, prefix: 7 }, /"prefix"/],
  ])('%s: TypeError', (_case, options, message) => {
    let error: unknown;
    try {
      createEncryptedRefreshGrace(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(secretKey);
  });
});
