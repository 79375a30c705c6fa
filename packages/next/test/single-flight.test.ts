import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../src/session/single-flight.js';

describe('SingleFlight', () => {
  it('shares one running task per key, and starts anew once it settled', async () => {
    const flight = new SingleFlight<number>();
    let started = 0;
    let finish: (value: number) => void = () => undefined;
    const task = () => {
      started++;
      return new Promise<number>((done) => (finish = done));
    };
    const a = flight.run('k', task);
    const b = flight.run('k', task);
    const other = flight.run('other', () => Promise.resolve(7));
    finish(1);
    expect([await a, await b, await other, started]).toEqual([1, 1, 7, 1]);
    const c = flight.run('k', task);
    finish(2);
    expect([await c, started]).toEqual([2, 2]);
  });

  it('forgets a failure', async () => {
    const flight = new SingleFlight<number>();
    await expect(flight.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await flight.run('k', () => Promise.resolve(3))).toBe(3);
  });
});
