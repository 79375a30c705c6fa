import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url);

describe('the session layer', () => {
  it('imports only @authlite/core (root and /options) and its own modules (no framework, no node:)', () => {
    const files = readdirSync(SRC).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const outside = new Set<string>();
    for (const file of files) {
      const text = readFileSync(new URL(file, SRC), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (!specifier!.startsWith('./')) outside.add(specifier!);
      }
    }
    expect([...outside].sort()).toEqual(['@authlite/core', '@authlite/core/options']);
  });
});
