import type { Verdict } from './budget.js';
import type { Figure } from './stats.js';

/** Units of the figures in a row. */
export type Unit = 'B' | 'ns' | 'ops/s' | 'ms' | 'requests';

/**
 * A measured value: a figure over rounds (printed as its median and spread, or as `text`
 * when given, e.g. "raw / gzip / brotli"), or a plain text result (e.g. "does not bundle").
 */
export type Value = { figure: Figure; text?: string; detail?: Record<string, number> } | { text: string };

/**
 * One row of the report: an authlite figure, its baseline measured in the same run, and
 * their ratio (per round, then the median of the per-round ratios), with the budget verdict
 * when a budget line applies.
 */
export interface Row {
  /** Section number and name, e.g. `"1 bundle size"`. */
  section: string;
  /** What the authlite figure is, e.g. `"@authlite/core gzip"`. */
  figure: string;
  unit: Unit;
  authlite: Value;
  baseline?: { name: string; value: Value };
  /** authlite / baseline (or authlite − baseline when `ratioKind` is `"difference"`). */
  ratio?: Figure;
  ratioKind?: 'ratio' | 'difference';
  budget?: Verdict;
  /** Anything the reader must know to read the row right. */
  note?: string;
}

/** Shorthand for a figure value. */
export function fig(value: Figure): Value {
  return { figure: value };
}
