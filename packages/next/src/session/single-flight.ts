/**
 * Concurrent calls with one key share one running task (single-flight): two tabs of one user
 * asking for the same user data at once send one request. The entry is dropped when the task
 * settles, so a failure is not remembered.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  /** The running task for `key`, or `task()` started now. */
  run(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = task().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }
}
