/**
 * Reads the `X-EDGE` header: the number of roles the organisation has now (a non-negative
 * integer). Returns `undefined` when absent or malformed. Source: trustauthx-api.md, "RBAC sync".
 */
export function readEdge(headers: Headers): number | undefined {
  const raw = headers.get('x-edge');
  // Headers strip surrounding whitespace of a value.
  return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}
