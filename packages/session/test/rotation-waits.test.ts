import { describe, expect, it } from 'vitest';
import { RotationRecord } from '../src/rotation-record.js';

const pair = (n: number) => ({ access_token: `a${n}`, refresh_token: `r${n}` });

describe('RotationRecord: rotations under way', () => {
  it('answers undefined at once when no rotation of the token is under way', async () => {
    const record = new RotationRecord(10, () => 0);
    expect(await record.otherRotation('old')).toBeUndefined();
  });

  it('hands the pair of the rotation under way to every waiter', async () => {
    const record = new RotationRecord(10, () => 0);
    record.begin('old');
    const waiters = [record.otherRotation('old'), record.otherRotation('old')];
    record.end('old', pair(1));
    expect(await Promise.all(waiters)).toEqual([pair(1), pair(1)]);
    expect(await record.otherRotation('old')).toBeUndefined();
  });

  it('waiters get undefined when the last rotation under way ends without a pair (refused)', async () => {
    const record = new RotationRecord(10, () => 0);
    record.begin('old');
    record.begin('old');
    const waiter = record.otherRotation('old');
    record.end('old');
    let settled = false;
    void waiter.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    record.end('old');
    expect(await waiter).toBeUndefined();
  });

  it('does not wait with a grace of 0 (a rotated-away pair then logs out at once)', async () => {
    const record = new RotationRecord(0, () => 0);
    record.begin('old');
    const waiter = record.otherRotation('old');
    record.end('old', pair(1));
    expect(await waiter).toBeUndefined();
  });

  it('gives up after waitMs when the rotation never ends (its request was cancelled)', async () => {
    const record = new RotationRecord(10, () => 0);
    record.begin('old');
    expect(await record.otherRotation('old', 1)).toBeUndefined();
  });
});

describe('RotationRecord.isUnderway', () => {
  it('is true between begin and the last end, and never with a grace of 0', () => {
    const record = new RotationRecord(10, () => 0);
    expect(record.isUnderway('old')).toBe(false);
    record.begin('old');
    expect(record.isUnderway('old')).toBe(true);
    record.end('old', pair(1));
    expect(record.isUnderway('old')).toBe(false);
    const off = new RotationRecord(0, () => 0);
    off.begin('old');
    expect(off.isUnderway('old')).toBe(false);
  });
});
