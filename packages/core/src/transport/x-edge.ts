/**
 * Reads the `X-EDGE` header: the number of roles the organisation has now (a non-negative
 * integer). Returns `undefined` when absent or malformed. Source: trustauthx-api.md, "RBAC sync".
 */
export function readEdge(headers: Headers): number | undefined {
  const raw = headers.get('x-edge');
  // Stryker disable next-line MethodExpression: equivalent in fetch, Headers already strip surrounding whitespace; kept for other Headers-like objects.
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  // Stryker disable next-line MethodExpression: equivalent, Number() ignores surrounding whitespace.
  return Number(raw.trim());
}
