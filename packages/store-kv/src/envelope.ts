/**
 * How the KV store keeps a snapshot: JSON `{"expiresAt": <seconds since the epoch>, "value": <snapshot>}`.
 * The expiry travels with the value, so it holds even where the backend keeps keys longer than
 * asked (Workers KV: at least 60 s; Deno KV: expiry is best-effort).
 */
export interface Envelope {
  expiresAt: number;
  value: unknown;
}

/** The JSON text of `value`, expiring at `expiresAt` (seconds since the epoch). @throws TypeError when `value` is not JSON. */
export function seal(value: unknown, expiresAt: number): string {
  const text = JSON.stringify({ expiresAt, value } satisfies Envelope);
  if (typeof text !== 'string') throw new TypeError('the KV role store keeps JSON values only');
  return text;
}

/** The value inside `stored` when it is an unexpired envelope at `nowS` (seconds), else `undefined`. Never throws. */
export function open(stored: unknown, nowS: number): unknown {
  let envelope = stored;
  if (typeof envelope === 'string') {
    try {
      envelope = JSON.parse(envelope);
    } catch {
      return undefined;
    }
  }
  if (typeof envelope !== 'object' || envelope === null || !('value' in envelope)) return undefined;
  const { expiresAt, value } = envelope as Partial<Envelope>;
  if (typeof expiresAt !== 'number' || !(expiresAt > nowS)) return undefined;
  return value;
}
