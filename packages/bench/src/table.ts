import type { Row, Unit, Value } from './results.js';
import { type Figure, spreadPercent } from './stats.js';

function number(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A value in its unit, scaled for reading: `61 ns`, `1.24 µs`, `0.85 ms`, `12,345 B`, `45.1 k/s`. */
export function formatUnit(value: number, unit: Unit): string {
  switch (unit) {
    case 'B':
      return `${number(value, 0)} B`;
    case 'ns':
      if (Math.abs(value) >= 1e6) return `${number(value / 1e6, 2)} ms`;
      if (Math.abs(value) >= 1e3) return `${number(value / 1e3, 2)} µs`;
      return `${number(value, 1)} ns`;
    case 'ms':
      return `${number(value, 1)} ms`;
    case 'ops/s':
      if (value >= 1e6) return `${number(value / 1e6, 2)} M/s`;
      if (value >= 1e3) return `${number(value / 1e3, 1)} k/s`;
      return `${number(value, 0)} /s`;
    case 'requests':
      return number(value, 0);
  }
}

function spread(value: Figure): string {
  const pct = spreadPercent(value);
  return pct === 0 ? '' : ` ±${pct < 10 ? number(pct, 1) : number(pct, 0)}%`;
}

function formatValue(value: Value, unit: Unit): string {
  if (value.text !== undefined) return value.text;
  if (!('figure' in value)) return '';
  return `${formatUnit(value.figure.median, unit)}${spread(value.figure)}`;
}

function formatRatio(row: Row): string {
  const ratio = row.ratio;
  if (!ratio) return '';
  if (row.ratioKind === 'difference') {
    return `${ratio.median >= 0 ? '+' : ''}${formatUnit(ratio.median, row.unit)} [${formatUnit(ratio.min, row.unit)}…${formatUnit(ratio.max, row.unit)}]`;
  }
  const d = ratio.median >= 10 ? 1 : 2;
  return ratio.min === ratio.max
    ? `${number(ratio.median, d)}x`
    : `${number(ratio.median, d)}x [${number(ratio.min, d)}–${number(ratio.max, d)}]`;
}

/** The columns of the report, in order. */
export const COLUMNS = ['#', 'authlite figure', 'authlite', 'baseline', 'baseline value', 'ratio [min–max]', 'budget', 'result'] as const;

/** One row as cells under {@link COLUMNS}; `noteNumber` marks the figure when the row has a note. */
export function cells(row: Row, noteNumber?: number): string[] {
  return [
    row.section.split(' ')[0] ?? '',
    noteNumber === undefined ? row.figure : `${row.figure} (${noteNumber})`,
    formatValue(row.authlite, row.unit),
    row.baseline?.name ?? '',
    row.baseline ? formatValue(row.baseline.value, row.unit) : '',
    formatRatio(row),
    row.budget?.rule ?? '',
    row.budget ? (row.budget.pass ? 'PASS' : 'FAIL') : '',
  ];
}

/** Each row's cells, with its notes numbered in order, and the numbered notes. */
function numbered(rows: readonly Row[]): { lines: string[][]; notes: string[] } {
  const notes: string[] = [];
  const lines = rows.map((row) => {
    if (!row.note) return cells(row);
    notes.push(`(${notes.length + 1}) ${row.note}`);
    return cells(row, notes.length);
  });
  return { lines, notes };
}

/** The rows as a Markdown table (figures: medians over rounds, `±` half the range over the median), then the notes. */
export function markdownTable(rows: readonly Row[]): string {
  const { lines, notes } = numbered(rows);
  const out = [`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`];
  for (const line of lines) out.push(`| ${line.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
  return `${out.join('\n')}\n\n${notes.join('  \n')}`;
}

/** The rows as an aligned plain-text table for a terminal, then the notes. */
export function textTable(rows: readonly Row[]): string {
  const { lines, notes } = numbered(rows);
  const all = [COLUMNS as readonly string[], ...lines];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((line) => (line[i] ?? '').length)));
  const table = all
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
  return `${table}\n\n${notes.join('\n')}`;
}

/**
 * The budget lines only, as the Markdown table of the root README's "Performance" section:
 * `| budget line | authlite | baseline (same run) | ratio | budget | result |`.
 */
export function budgetMarkdownTable(rows: readonly Row[]): string {
  const out = ['| budget line | authlite | baseline (same run) | ratio | budget | result |', '| --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    if (!row.budget) continue;
    const [, figure = '', authlite = '', baseline = '', baselineValue = '', ratio = '', rule = '', result = ''] = cells(row);
    const line = [figure, authlite, baseline ? `${baseline} ${baselineValue}`.trim() : '', ratio, rule, result];
    out.push(`| ${line.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
  }
  return out.join('\n');
}
