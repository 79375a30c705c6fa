/**
 * The candidate `name` was most likely meant to be: the first that equals it ignoring case
 * (`baseURL` for `baseUrl`) or that it cuts short, from 4 characters on (`validationCache`
 * for `validationCacheTtl`). `undefined` when none is. No edit distance: the core's
 * bundle-size ceiling leaves no room for one.
 */
export function nearMiss(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return candidates.find((candidate) => {
    const other = candidate.toLowerCase();
    return other === lower || (lower.length >= 4 && other.startsWith(lower));
  });
}

/** ` (did you mean "x"?)` for the near miss of `name`, or an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = nearMiss(name, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
