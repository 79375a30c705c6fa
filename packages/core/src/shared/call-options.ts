/** Options every network method accepts. */
export interface CallOptions {
  /** Aborts the call; the returned promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}
