/**
 * Reads the `X-EDGE` header: the number of roles the organisation has now (a non-negative
 * integer). Returns `undefined` when absent or malformed. Source: trustauthx-api.md, "RBAC sync".
 */
export function readEdge(headers: Headers): number | undefined {
  // Headers strip surrounding whitespace; a missing header (null) tests as the text "null", no count.
  const raw = headers.get('x-edge') as string;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}
