import type { Clock } from '../runtime/clock.ts';
import type { TokenPair } from '../schemas/answers.ts';
import { STORE_DEADLINE_PASSED, withStoreDeadline } from '../shared/store-deadline.ts';
import type { SharedRefreshGrace } from './shared-refresh-grace.ts';

/** First pause between two reads of the shared record, milliseconds; doubled after each read. */
const FIRST_PAUSE_MS = 10;
/** Longest pause between two reads, milliseconds. */
const MAX_PAUSE_MS = 250;

/**
 * Writes the shared grace record of a rotation, within `deadlineMs` (milliseconds). Never
 * throws: a failing or hung store only means other isolates do not find the record.
 */
export function rememberShared(
  grace: SharedRefreshGrace,
  refreshToken: string,
  pair: TokenPair,
  clock: Clock,
  graceMs: number,
  deadlineMs: number,
): Promise<void> {
  const nowMs = clock.nowMs();
  return withStoreDeadline(() => grace.remember(refreshToken, pair, { nowMs, untilMs: nowMs + graceMs }), deadlineMs).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Reads the shared grace record of a refused refresh token, again and again (pauses of 10 ms
 * doubling up to 250 ms, with this caller's own timers) until it is found or `budgetMs`
 * (milliseconds, the store deadline) has passed in all: the isolate that rotated the token may
 * still be writing it. A read that fails ends the search; a hung read ends at the budget.
 */
export async function recallShared(
  grace: SharedRefreshGrace,
  refreshToken: string,
  clock: Clock,
  budgetMs: number,
): Promise<TokenPair | undefined> {
  let over = false;
  const search = async (): Promise<TokenPair | undefined> => {
    for (let pause = FIRST_PAUSE_MS; !over; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      const found = await grace.recall(refreshToken, clock.nowMs());
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return undefined;
  };
  try {
    const found = await withStoreDeadline(search, budgetMs);
    return found === STORE_DEADLINE_PASSED ? undefined : found;
  } catch {
    return undefined;
  } finally {
    over = true;
  }
}
