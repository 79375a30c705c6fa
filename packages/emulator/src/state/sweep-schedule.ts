/** Emulator seconds between two sweeps of a table, at least. */
export const SWEEP_INTERVAL_S = 60;
/** A table never sweeps for size below this many entries. */
const MIN_SWEEP_SIZE = 1024;

/**
 * When an in-memory table drops its dead entries: once a minute of emulator time, or sooner
 * when it has doubled since the last sweep. Each sweep is O(size) and the size doubles
 * between size-driven sweeps, so the cost per insert stays constant, and the table never
 * holds more than twice its live entries (plus one minute of expired ones).
 */
export class SweepSchedule {
  #nextS = Number.NEGATIVE_INFINITY;
  #atSize = MIN_SWEEP_SIZE;

  /** Whether a table of `size` entries should sweep at emulator time `nowS`. */
  due(nowS: number, size: number): boolean {
    return size > 0 && (nowS >= this.#nextS || size >= this.#atSize);
  }

  /** Records a sweep at `nowS` that left `size` entries. */
  swept(nowS: number, size: number): void {
    this.#nextS = nowS + SWEEP_INTERVAL_S;
    this.#atSize = Math.max(MIN_SWEEP_SIZE, 2 * size);
  }
}
