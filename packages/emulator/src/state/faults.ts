import { createPrng } from './prng.ts';

/**
 * One injected fault, as posted to `POST /__emulator/faults`.
 * All fields are optional; a rule without `path` and `method` matches every
 * (non-control) request.
 */
export interface FaultRule {
  /** Exact request path (no query string) to match. */
  path?: string;
  /** HTTP method to match, case-insensitive. */
  method?: string;
  /** Status to answer with (default 200 when only `body` is given). */
  status?: number;
  /** Milliseconds to wait before answering (or before running the real handler). */
  delay_ms?: number;
  /** Response text, sent verbatim with content-type application/json. */
  body?: string;
  /** Extra response headers, e.g. `{"retry-after": "2"}`. */
  headers?: Record<string, string>;
  /**
   * Cut the body short: the answer declares the full `content-length`, sends the first half
   * of `body`, then breaks the stream (the client sees a connection lost mid-body).
   */
  truncate?: boolean;
  /** How many times the rule may apply (default unlimited). */
  times?: number;
  /** Chance in 0..1 that a matching request is faulted (default 1). */
  probability?: number;
}

/** A rule with its remaining uses. */
export interface ActiveFault {
  rule: FaultRule;
  remaining: number;
}

/** Installed fault rules and the PRNG their probabilities draw from. */
export interface FaultState {
  rules: ActiveFault[];
  random: () => number;
}

/** No rules. */
export function createFaultState(): FaultState {
  return { rules: [], random: createPrng(Math.floor(Math.random() * 2 ** 32)) };
}

/** Replaces the installed rules; a `seed` makes probabilities reproducible. */
export function setFaults(state: FaultState, rules: readonly FaultRule[], seed?: number): void {
  state.rules = rules.map((rule) => ({ rule: { ...rule }, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  state.random = createPrng(seed ?? Math.floor(Math.random() * 2 ** 32));
}

/** Removes every rule. */
export function clearFaults(state: FaultState): void {
  state.rules = [];
}

/**
 * The first rule that matches `method` and `path`, has uses left and passes
 * its probability; using it decrements its remaining uses.
 */
export function pickFault(state: FaultState, method: string, path: string): FaultRule | undefined {
  for (const active of state.rules) {
    const { rule } = active;
    if (rule.path !== undefined && rule.path !== path) continue;
    if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
    if (active.remaining <= 0) continue;
    const probability = rule.probability ?? 1;
    if (probability < 1 && state.random() >= probability) continue;
    active.remaining -= 1;
    return rule;
  }
  return undefined;
}
