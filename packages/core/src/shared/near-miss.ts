/**
 * The candidate `name` was most likely meant to be: equal ignoring case (`baseURL` for
 * `baseUrl`) first, else one that `name` (4 characters or more) cuts short (`revokeAll` for
 * `revokeAllTokens`). `undefined` when none is that close. Kept this small on purpose: the
 * core's bundle-size ceiling leaves no room for an edit distance.
 */
export function nearMiss(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const near = (matches: (candidate: string) => boolean) => candidates.find((candidate) => matches(candidate.toLowerCase()));
  return near((candidate) => candidate === lower) ?? (lower.length >= 4 ? near((candidate) => candidate.startsWith(lower)) : undefined);
}

/** ` (did you mean "x"?)` for the near miss of `name`, or an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = nearMiss(name, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
