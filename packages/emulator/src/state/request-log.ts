/** One request the emulator received (control routes excluded). */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Names of the query parameters, in order, without their values. */
  query: string[];
  status: number;
}

/** How many requests the log keeps (the oldest are dropped). */
export const REQUEST_LOG_LIMIT = 1000;

/** The request log: oldest first; may hold up to twice {@link REQUEST_LOG_LIMIT} (read it with {@link lastRequests}). */
export type RequestLog = RequestLogEntry[];

/**
 * Appends an entry. The oldest beyond {@link REQUEST_LOG_LIMIT} are dropped in one go once
 * the log holds twice as many, so that an append costs O(1) on average, not a shift of the whole log.
 */
export function recordRequest(log: RequestLog, entry: RequestLogEntry): void {
  log.push(entry);
  if (log.length >= 2 * REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT);
}

/** The last {@link REQUEST_LOG_LIMIT} requests, oldest first. */
export function lastRequests(log: RequestLog): RequestLogEntry[] {
  return log.slice(-REQUEST_LOG_LIMIT);
}
