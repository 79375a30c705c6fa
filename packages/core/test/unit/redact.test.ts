import { describe, expect, it } from 'vitest';
import { redact, sanitizeCause } from '../../src/errors/redact.js';

describe('redact', () => {
  it('replaces each secret, raw and URL-encoded', () => {
    const secret = 'sk/with+chars=';
    const text = `raw ${secret} encoded ${encodeURIComponent(secret)} end`;
    expect(redact(text, [secret])).toBe('raw [REDACTED] encoded [REDACTED] end');
  });

  it('replaces any JWS-shaped string, even one it was not given', () => {
    expect(redact('token eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2ln here', [])).toBe('token [REDACTED] here');
  });

  it('ignores secrets shorter than 4 characters and undefined ones', () => {
    expect(redact('abc abcd', ['abc', undefined, ''])).toBe('abc abcd');
    expect(redact('abc abcd', ['abcd'])).toBe('abc [REDACTED]');
  });
});

describe('sanitizeCause', () => {
  it('copies name and redacted message down the cause chain, without the stack of foreign code', () => {
    const inner = new TypeError('inner secret-value');
    const outer = new Error('outer secret-value', { cause: inner });
    const copy = sanitizeCause(outer, ['secret-value']);
    expect(copy.message).toBe('outer [REDACTED]');
    expect(copy.stack).toBe('Error: outer [REDACTED]');
    expect(copy.cause).toBeInstanceOf(Error);
    expect((copy.cause as Error).name).toBe('TypeError');
    expect((copy.cause as Error).message).toBe('inner [REDACTED]');
  });

  it('wraps a thrown non-error as an Error with its string form', () => {
    expect(sanitizeCause('plain secret-value', ['secret-value']).message).toBe('plain [REDACTED]');
  });
});
