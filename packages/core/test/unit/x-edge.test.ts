import { describe, expect, it } from 'vitest';
import { readEdge } from '../../src/transport/x-edge.js';

const edge = (value?: string) => readEdge(new Headers(value === undefined ? {} : { 'x-edge': value }));

describe('readEdge', () => {
  it('reads a non-negative integer, trimmed', () => {
    expect(edge('0')).toBe(0);
    expect(edge('42')).toBe(42);
    expect(edge(' 7 ')).toBe(7);
  });

  it('is undefined when absent or malformed', () => {
    expect(edge()).toBeUndefined();
    expect(edge('')).toBeUndefined();
    expect(edge('-1')).toBeUndefined();
    expect(edge('1.5')).toBeUndefined();
    expect(edge('1e3')).toBeUndefined();
    expect(edge('0x10')).toBeUndefined();
    expect(edge('1234567890')).toBeUndefined();
  });
});
