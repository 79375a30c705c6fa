import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One fenced TypeScript block of a README. */
export interface Sample {
  /** The README, relative to the repository root. */
  readme: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
}

/**
 * Every fenced ```ts / ```typescript block of the READMEs in the repository root, packages/*
 * and examples/*. A block whose info string says `no-check` (```ts no-check) is a fragment that
 * is left out; every other block must type-check.
 */
export function readmeSamples(root: string): Sample[] {
  const readmes = [join(root, 'README.md')];
  for (const group of ['packages', 'examples']) {
    for (const dir of readdirSync(join(root, group)).sort()) {
      const file = join(root, group, dir, 'README.md');
      if (existsSync(file)) readmes.push(file);
    }
  }
  const samples: Sample[] = [];
  for (const file of readmes) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(ts|typescript)\b(.*)$/.exec(lines[i] ?? '');
      if (!open) continue;
      const end = lines.findIndex((text, j) => j > i && text.startsWith('```'));
      if (end === -1) throw new Error(`${file}:${i + 1}: unclosed code fence`);
      if (!/\bno-check\b/.test(open[2] ?? ''))
        samples.push({ readme: relative(root, file), line: i + 1, code: lines.slice(i + 1, end).join('\n') });
      i = end;
    }
  }
  return samples;
}

/** A file name for a sample: `packages-core-README.md-L42.ts`. */
export function sampleFileName(sample: Sample): string {
  return `${sample.readme.replace(/[\\/]/g, '-')}-L${sample.line}.ts`;
}
