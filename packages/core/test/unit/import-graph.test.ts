import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

/**
 * The rooms of `packages/core/src`, bottom up (see CONTRIBUTING.md and design.md). A room may
 * import only rooms of a lower rank: arrows point down, and rooms of one rank stay apart.
 */
const RANK: Record<string, number> = {
  errors: 0,
  runtime: 1,
  schemas: 1,
  jws: 1,
  shared: 2,
  credentials: 2,
  transport: 3,
  endpoints: 4,
  roles: 5,
  tokens: 5,
  assign: 5,
  client: 6,
  entries: 7,
  '(root)': 7,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const roomOf = (path: string) => (path.includes('/') ? (path.split('/')[0] as string) : '(root)');

/** room → the rooms it imports, from every relative import and export of its files. */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = roomOf(relative(SRC, file));
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from '(\.[^']+)'/g)) {
      const to = roomOf(relative(SRC, join(file, '..', specifier as string)));
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

describe('packages/core/src import graph', () => {
  const graph = importGraph();

  it('knows every room', () => {
    expect([...graph.keys()].filter((room) => RANK[room] === undefined)).toEqual([]);
  });

  it('only points down', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) if ((RANK[to] ?? Infinity) >= (RANK[from] ?? -1)) upward.push(`${from} -> ${to}`);
    }
    expect(upward).toEqual([]);
  });

  it('roles/ imports nothing from client/ (the old cycle)', () => {
    expect(graph.get('roles')?.has('client')).toBe(false);
  });

  it('uses no Node API: no node: imports, no Buffer, no process', () => {
    const code = (file: string) =>
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
    const offenders = sourceFiles(SRC).filter((file) => /from 'node:|\bBuffer\b|\bprocess\./.test(code(file)));
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });
});
