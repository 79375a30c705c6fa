import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** How a runtime resolves packages: the export conditions its bundler uses. */
export interface BundleTarget {
  name: string;
  conditions: string[];
}

/** Cloudflare Workers: wrangler's export conditions (`workerd`, `worker`, `browser`); a browser or Next.js middleware build of these packages resolves the same files. */
export const WORKER_TARGET: BundleTarget = { name: 'worker', conditions: ['workerd', 'worker', 'browser'] };

/** Bytes of a bundle: raw minified, gzip level 9, brotli quality 11. */
export interface BundleSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** A bundle, or why esbuild refused to make one. */
export type BundleResult = { ok: true; code: string; size: BundleSize } | { ok: false; error: string };

/** Sizes of `code` raw, gzip -9 and brotli -q 11. */
export function sizeOf(code: Uint8Array): BundleSize {
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length } })
      .length,
  };
}

/**
 * Bundles the module source `contents` (resolved from `resolveDir`) with everything it
 * imports, for the browser platform (so Node built-ins are not available) with the target's
 * export conditions, as one minified ES module, and measures it. `external` packages stay imports.
 */
export async function bundle(
  contents: string,
  resolveDir: string,
  target: BundleTarget = WORKER_TARGET,
  minify = true,
  external: string[] = [],
): Promise<BundleResult> {
  try {
    const result = await build({
      stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true,
      write: false,
      minify,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: target.conditions,
      define: { 'process.env.NODE_ENV': '"production"' },
      external,
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (!file) return { ok: false, error: 'esbuild produced no output' };
    return { ok: true, code: file.text, size: sizeOf(file.contents) };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
}

interface EsbuildMessage {
  text: string;
  location: { file: string } | null;
}

/** The first error of an esbuild failure and how many there were, e.g. `Could not resolve "crypto" (in jsonwebtoken/sign.js), 14 errors`. */
function describeFailure(error: unknown): string {
  const errors = (error as { errors?: EsbuildMessage[] }).errors;
  const first = errors?.[0];
  if (!first) return error instanceof Error ? (error.message.split('\n')[0] ?? 'build failed') : 'build failed';
  const file = first.location?.file.replace(/^.*node_modules\//, '') ?? '';
  const count = errors.length > 1 ? `, ${errors.length} errors` : '';
  return `${first.text}${file ? ` (in ${file})` : ''}${count}`;
}
