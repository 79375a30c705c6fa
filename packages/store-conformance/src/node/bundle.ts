import { build } from 'esbuild';

/** Options of {@link bundle}. */
export interface BundleOptions {
  /** `esm` for workers and Deno, `iife` for a page script. */
  format: 'esm' | 'iife';
  /** Extra package export conditions, e.g. `['workerd', 'worker']`. */
  conditions?: string[];
}

/**
 * Bundles `entry` (a TypeScript file) with every import into one script for a runtime without
 * node_modules resolution (workerd, Chromium, Deno), targeting the browser platform so that no
 * Node built-in sneaks in. Returns the code.
 * @throws the esbuild error when an import cannot be resolved or bundled.
 */
export async function bundle(entry: string, options: BundleOptions): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: options.format,
    platform: 'browser',
    target: 'es2022',
    conditions: options.conditions ?? [],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}
