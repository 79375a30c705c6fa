import type { Clock } from './clock.ts';

/**
 * Smallest change of the estimated offset that is applied, milliseconds: the default clock
 * tolerance. Smaller skews are absorbed by that tolerance, and second-precision readings
 * taken over a slow network only jitter below it.
 */
const DEADBAND_MS = 5_000;

/**
 * The service's clock, estimated per client from its answers: the SDK's `clock` plus an offset
 * learnt from each answer's `Date` header (RFC 9110, second precision; read before the
 * answer's signature is checked, so a moved service clock is followed at once) and from the
 * signed `iat` claim of verified answers (seconds, the service's time at signing). Every
 * time the service issued (`exp`, `nbf`, `iat`, `Retry-After` dates, role snapshots'
 * `fetchedAt`) is judged against it, so a host whose clock is off still judges them right.
 * Readings are taken at the middle of their second; changes under 5 seconds are ignored.
 */
export class ServiceClock implements Clock {
  readonly #local: Clock;
  #offsetMs = 0;

  constructor(local: Clock) {
    this.#local = local;
  }

  /** The service's now, milliseconds since the epoch. */
  nowMs(): number {
    return this.#local.nowMs() + this.#offsetMs;
  }

  /** The estimated service time minus the local clock, milliseconds (0 until an answer was seen). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Notes an answer's `Date` header, read when the answer arrived; ignored when unparsable. */
  observeDate(header: string | null | undefined): void {
    if (!header) return;
    const serviceMs = Date.parse(header);
    if (Number.isNaN(serviceMs)) return;
    this.#adjust(serviceMs + 500 - this.#local.nowMs());
  }

  /** Notes the `iat` claim (seconds since the epoch) of a verified signed answer that just arrived. */
  observeIssuedAt(iatS: unknown): void {
    if (typeof iatS !== 'number' || !Number.isFinite(iatS)) return;
    this.#adjust(iatS * 1000 + 500 - this.#local.nowMs());
  }

  #adjust(offsetMs: number): void {
    if (Math.abs(offsetMs - this.#offsetMs) >= DEADBAND_MS) this.#offsetMs = offsetMs;
  }
}
