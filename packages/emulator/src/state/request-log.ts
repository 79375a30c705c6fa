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

/** The request log: oldest first. */
export type RequestLog = RequestLogEntry[];

/** Appends an entry, dropping the oldest beyond {@link REQUEST_LOG_LIMIT}. */
export function recordRequest(log: RequestLog, entry: RequestLogEntry): void {
  log.push(entry);
  if (log.length > REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT);
}
