import { describe, expect, it } from 'vitest';
import { ServiceClock } from '../src/runtime/service-clock.js';

const at = (ms: number) => ({ nowMs: () => ms });
const HOST_MS = Date.UTC(2026, 10, 30, 3, 0, 0);

describe('ServiceClock', () => {
  it('is the local clock until an answer was seen', () => {
    expect(new ServiceClock(at(HOST_MS)).nowMs()).toBe(HOST_MS);
  });

  it('learns the offset from a Date header (host 60 s fast)', () => {
    const clock = new ServiceClock(at(HOST_MS));
    clock.observeDate(new Date(HOST_MS - 60_000).toUTCString());
    expect(clock.offsetMs).toBe(-59_500);
    expect(Math.abs(clock.nowMs() - (HOST_MS - 60_000))).toBeLessThanOrEqual(500);
  });

  it('ignores changes under 5 seconds (the default clock tolerance) and unparsable headers', () => {
    const clock = new ServiceClock(at(HOST_MS));
    clock.observeDate(new Date(HOST_MS).toUTCString());
    expect(clock.offsetMs).toBe(0);
    clock.observeDate(new Date(HOST_MS - 4_000).toUTCString());
    expect(clock.offsetMs).toBe(0);
    clock.observeDate('not a date');
    clock.observeDate(null);
    expect(clock.offsetMs).toBe(0);
  });

  it('follows every reading, signed iat or a later Date header, past the 5 s deadband; ignores a non-number iat', () => {
    const clock = new ServiceClock(at(HOST_MS));
    clock.observeIssuedAt(HOST_MS / 1000 + 3601);
    expect(clock.offsetMs).toBe(3_601_500);
    clock.observeDate(new Date(HOST_MS + 3_603_000).toUTCString());
    expect(clock.offsetMs).toBe(3_601_500);
    clock.observeDate(new Date(HOST_MS + 7_200_000).toUTCString());
    expect(clock.offsetMs).toBe(7_200_500);
    clock.observeIssuedAt('soon');
    expect(clock.offsetMs).toBe(7_200_500);
  });
});
