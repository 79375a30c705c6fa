import { type BundleResult, bundle, WORKER_TARGET } from './bundle.js';
import type { SizeEntry } from './entries.js';
import { BENCH_DIR } from './workspace.js';

/** Bundles an entry for the worker target and measures it. */
export function measureEntry(entry: SizeEntry): Promise<BundleResult> {
  return bundle(entry.contents, entry.resolveFrom === 'bench' ? BENCH_DIR : entry.resolveFrom, WORKER_TARGET, true, entry.external);
}
