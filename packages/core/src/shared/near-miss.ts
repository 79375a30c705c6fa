/**
 * The candidate `name` was most likely meant to be: equal ignoring case, at most two edits
 * away (insert, delete, replace, swap of neighbours), or a cut-short form of it (`revokeAll`
 * for `revokeAllTokens`), the closest first. `undefined` when nothing is that close.
 */
export function nearMiss(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const distance = other === lower ? 0 : lower.length >= 4 && other.startsWith(lower) ? 2 : editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** ` (did you mean "x"?)` for the near miss of `name`, or an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = nearMiss(name, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
