import { describe, expect, it } from 'vitest';
import { ROTATION_RECORD_MAX_ENTRIES, RotationRecord } from '../src/session/rotation-record.js';

const pair = (n: number) => ({ access_token: `a${n}`, refresh_token: `r${n}` });

describe('RotationRecord', () => {
  it('answers the pair a refresh token was rotated to, for the grace period only', () => {
    let now = 0;
    const record = new RotationRecord(10, () => now);
    record.remember('old', pair(1));
    now = 9_999;
    expect(record.pairFor('old')).toEqual(pair(1));
    expect(record.pairFor('other')).toBeUndefined();
    now = 10_000;
    expect(record.pairFor('old')).toBeUndefined();
  });

  it('is off with a grace of 0', () => {
    const record = new RotationRecord(0, () => 0);
    record.remember('old', pair(1));
    expect(record.pairFor('old')).toBeUndefined();
  });

  it('holds at most the most entries, dropping the oldest', () => {
    const record = new RotationRecord(10, () => 0);
    for (let i = 0; i <= ROTATION_RECORD_MAX_ENTRIES; i++) record.remember(`r${i}`, pair(i));
    expect(record.pairFor('r0')).toBeUndefined();
    expect(record.pairFor('r1')).toEqual(pair(1));
  });
});
