/** Most runs remembered at once; a run left behind by a cancelled request never settles, so the oldest is forgotten. */
const MAX_RUNS = 16;

interface Run<T> {
  /** Created when the run started: on workerd it belongs to the request that started it. */
  owner: AbortSignal;
  promise: Promise<T>;
}

/**
 * Single-flight scoped to the request being served: concurrent callers that serve the same
 * request share one run of a task; a caller that serves another request starts its own run.
 *
 * Why: on Cloudflare Workers (workerd) a promise whose I/O belongs to one request must never
 * be awaited by another. When the request that started it ends or is cancelled first, workerd
 * cancels its pending I/O, and another request awaiting that promise hangs until the runtime
 * kills it ("The script will never generate a response").
 *
 * How: each run keeps an `AbortSignal` created when it started. workerd binds such objects
 * to the request that created them and throws ("Cannot perform I/O on behalf of a different
 * request") when another request reads one, so a synchronous read tells whether the caller
 * serves the run's request. Node, Deno, Bun, browsers and the Edge Runtime bind nothing:
 * there every concurrent caller joins the one run, as with a plain single-flight.
 *
 * The task's result must be plain data (no stream, `Response` or other I/O object), so that
 * it can be used by later requests once settled.
 */
export class RequestScopedFlight<T> {
  readonly #runs: Run<T>[] = [];

  /** The run of the caller's request under way, or a new run of `task`. */
  run(task: () => Promise<T>): Promise<T> {
    for (const run of this.#runs) if (servesThisRequest(run.owner)) return run.promise;
    const run: Run<T> = { owner: new AbortController().signal, promise: task() };
    run.promise = run.promise.finally(() => {
      const at = this.#runs.indexOf(run);
      if (at >= 0) this.#runs.splice(at, 1);
    });
    this.#runs.push(run);
    if (this.#runs.length > MAX_RUNS) this.#runs.shift();
    return run.promise;
  }

  /** Number of runs under way (across requests). */
  get size(): number {
    return this.#runs.length;
  }
}

/**
 * False when `owner` (an `AbortSignal` created earlier) belongs to another request: workerd
 * throws on reading it. Always true outside workerd.
 */
export function servesThisRequest(owner: AbortSignal): boolean {
  try {
    void owner.aborted;
    return true;
  } catch {
    return false;
  }
}
