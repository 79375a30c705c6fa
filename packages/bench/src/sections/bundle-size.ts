import { atMost, BUDGET } from '../budget.js';
import type { Row, Value } from '../results.js';
import type { BundleResult } from '../size/bundle.js';
import {
  DEPS_FLOOR_ENTRY,
  nextMiddlewareEntry,
  nextOverCoreEntry,
  nextOwnCodeEntry,
  ONE_ERROR_CLASS_ENTRY,
  packageEntry,
  type SizeEntry,
  SUPABASE_ENTRY,
  TRUSTAUTHX_ENTRY,
  WORKER_CLASS_ENTRY,
  WORKER_ENTRY,
} from '../size/entries.js';
import { measureEntry } from '../size/measure.js';
import { publishedPackages } from '../size/workspace.js';
import { figure, ratioFigure } from '../stats.js';
import { formatUnit } from '../table.js';

const SECTION = '1 bundle size';

/** The size lines of the budget, by entry label, gzip bytes. */
const GZIP_BUDGETS: Record<string, number> = {
  '@authlite/core': BUDGET.coreGzipBytes,
  [WORKER_ENTRY.label]: BUDGET.workerEntryGzipBytes,
  [ONE_ERROR_CLASS_ENTRY.label]: BUDGET.oneErrorClassGzipBytes,
  "@authlite/next's own code": BUDGET.nextGzipBytes,
};

/** The gzip size as the figure, printed as `raw / gzip / brotli`. */
function value(result: BundleResult): Value {
  if (!result.ok) return { text: `does not bundle (${result.error.match(/\d+ errors$/)?.[0] ?? '1 error'})` };
  const { raw, gzip, brotli } = result.size;
  return {
    figure: figure([gzip]),
    text: `${formatUnit(raw, 'B')} / ${formatUnit(gzip, 'B')} / ${formatUnit(brotli, 'B')}`,
    detail: { raw, gzip, brotli },
  };
}

function row(label: string, own: Value, baselineName: string, base: Value, note?: string): Row {
  const out: Row = {
    section: SECTION,
    figure: `${label}, raw / gzip / brotli`,
    unit: 'B',
    authlite: own,
    baseline: { name: baselineName, value: base },
  };
  if ('figure' in own && 'figure' in base) out.ratio = ratioFigure(own.figure, base.figure);
  if (note) out.note = note;
  return out;
}

/**
 * Row 1: every published package with all its dependencies, and the Worker/middleware entry,
 * bundled by esbuild (minified, worker conditions, browser platform), bytes raw, gzip -9 and
 * brotli -q 11, with the gzip ratio to `@supabase/auth-js`'s `AuthClient` bundled the same
 * way; and the vendor's `trustauthx` package, which does not bundle for this target. Size is
 * deterministic: one round.
 */
export async function benchBundleSize(): Promise<Row[]> {
  const supabase = value(await measureEntry(SUPABASE_ENTRY));
  const vendorResult = await measureEntry(TRUSTAUTHX_ENTRY);
  const vendor = value(vendorResult);
  const rows: Row[] = [];
  const packages = publishedPackages();
  const entries: { entry: SizeEntry; note?: string }[] = packages.map((pkg) => {
    const entry = packageEntry(pkg);
    const notes = [
      ...(pkg.fromSource ? ['dist not built: bundled from src'] : []),
      ...(entry.external
        ? [`peer dependencies left out (the app's): ${entry.external.filter((name) => !name.endsWith('/*')).join(', ')}`]
        : []),
    ];
    return { entry, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
  });
  entries.push({ entry: WORKER_ENTRY, note: 'createHandle + validateAccessToken + loadRoles().can (function form), tree-shaken' });
  entries.push({
    entry: WORKER_CLASS_ENTRY,
    note: 'reference, no budget line: AuthLiteClient + validateAccessToken + roles.load().can (a class keeps every method)',
  });
  entries.push({ entry: ONE_ERROR_CLASS_ENTRY, note: 'tree-shaken: the error class and its base class only' });
  const next = packages.find((pkg) => pkg.name === '@authlite/next');
  if (next) entries.push({ entry: nextMiddlewareEntry(next), note: 'AuthLiteClient + createAuthLite; next itself left out' });
  if (next) entries.push({ entry: nextOwnCodeEntry(next), note: 'the adapter alone: @authlite/core, @authlite/session and next left out' });
  if (next)
    entries.push({
      entry: nextOverCoreEntry(next),
      note: 'what a Next.js app adds over core (no budget line: the session layer is framework-neutral, shared with @authlite/hono)',
    });
  for (const { entry, note } of entries) {
    const own = value(await measureEntry(entry));
    const next = row(entry.label, own, SUPABASE_ENTRY.label, supabase, note);
    const limit = GZIP_BUDGETS[entry.label];
    if (limit !== undefined && 'figure' in own) next.budget = atMost(own.figure.median, limit, ' B gzip');
    if (entry.label === '@authlite/core') {
      const failure = vendorResult.ok
        ? undefined
        : `trustauthx: esbuild says ${vendorResult.error}: it needs Node built-ins (jsonwebtoken)`;
      rows.push(next, row(entry.label, own, TRUSTAUTHX_ENTRY.label, vendor, failure));
    } else {
      rows.push(next);
    }
  }
  const floor = value(await measureEntry(DEPS_FLOOR_ENTRY));
  rows.push({
    section: SECTION,
    figure: `${DEPS_FLOOR_ENTRY.label} (reference)`,
    unit: 'B',
    authlite: floor,
    note: 'floor set by the two libraries the house rules require',
  });
  return rows;
}
