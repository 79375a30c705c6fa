import { build } from 'esbuild';
import { builtEntry } from './paths.js';

/** How a runtime loads a bundle: its module format and the export conditions it resolves. */
export interface BundleTarget {
  format: 'esm' | 'iife';
  /** Export conditions besides `import` and `default`, in the order the runtime's tooling uses. */
  conditions: string[];
}

/** Export conditions of each bundling runtime, as its own tooling sets them. */
export const TARGETS = {
  /** wrangler: `workerd`, `worker`, `browser`. */
  workerd: { format: 'esm', conditions: ['workerd', 'worker', 'browser'] },
  /** Next.js middleware and the Vercel Edge Runtime: `edge-light`, `worker`, `browser`. */
  edge: { format: 'iife', conditions: ['edge-light', 'worker', 'browser'] },
  /** A browser page. */
  browser: { format: 'esm', conditions: ['browser'] },
} satisfies Record<string, BundleTarget>;

/**
 * Bundles a built entry (`dist/entries/<entry>.js`) and everything it imports from
 * node_modules, `@authlite/core` included, into one script, resolving packages through their
 * `exports` maps with the target's conditions. No `node:` built-in is allowed in.
 */
export async function bundleEntry(entry: string, target: BundleTarget): Promise<string> {
  const result = await build({
    entryPoints: [builtEntry(entry)],
    bundle: true,
    write: false,
    format: target.format,
    platform: 'neutral',
    target: 'es2022',
    conditions: target.conditions,
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}
