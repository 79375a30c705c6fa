/** A figure measured once per round: its median over the rounds, the extremes, and every round's value. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  /** One value per round, in round order. */
  rounds: number[];
}

/** The median of `values` (mean of the two middle values for an even count). @throws RangeError when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Summarises per-round values into a {@link Figure}. */
export function figure(rounds: readonly number[]): Figure {
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds: [...rounds] };
}

/** Per-round ratio `a[i] / b[i]`, summarised: the ratio of two figures measured side by side in each round. */
export function ratioFigure(a: Figure, b: Figure): Figure {
  return figure(a.rounds.map((value, i) => value / (b.rounds[i] as number)));
}

/** Per-round difference `a[i] - b[i]`, summarised. */
export function differenceFigure(a: Figure, b: Figure): Figure {
  return figure(a.rounds.map((value, i) => value - (b.rounds[i] as number)));
}

/** Half the range over the median, in percent: the `±` spread printed next to a median. */
export function spreadPercent(value: Figure): number {
  return value.median === 0 ? 0 : ((value.max - value.min) / 2 / Math.abs(value.median)) * 100;
}
