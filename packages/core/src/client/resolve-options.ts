import * as v from 'valibot';
import { ConfigurationError } from '../errors/authlite-error.ts';
import { type Clock, SYSTEM_CLOCK } from '../runtime/clock.ts';
import { describeExpected, issuePath } from '../schemas/describe-issue.ts';
import { ClientOptionsSchema, INSECURE_HTTP_EXPECTED, insecureHttpOption } from '../schemas/options.ts';
import { refuseUnknownKeys } from '../shared/known-keys.ts';
import { DEFAULT_MAX_ROLE_LIST_BYTES } from '../transport/answer-caps.ts';
import {
  type AuthLiteClientOptions,
  DEFAULT_BASE_URL,
  DEFAULT_CLOCK_TOLERANCE_S,
  DEFAULT_MAX_AGE_S,
  DEFAULT_REFRESH_GRACE_PERIOD_S,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WIDGET_URL,
  defaultStoreTimeoutMs,
} from './options.ts';

/**
 * Client options checked, with every default filled in: `baseUrl` (no trailing slash),
 * `widgetUrl`, `timeout` (milliseconds), `maxAge` and `clockTolerance` (seconds) are set.
 */
export type ResolvedOptions = Omit<
  AuthLiteClientOptions,
  'baseUrl' | 'widgetUrl' | 'timeout' | 'maxAge' | 'clockTolerance' | 'maxRoleListBytes'
> & {
  baseUrl: string;
  widgetUrl: string;
  timeout: number;
  maxAge: number;
  clockTolerance: number;
  /** Deadline of one role store call, milliseconds. */
  storeTimeoutMs: number;
  /** How long a token rotation is remembered, seconds. */
  refreshGracePeriodS: number;
  /** The SDK's clock (the host's unless the `clock` option gives one). */
  clock: Clock;
  /** Cap of the role list answer, bytes. */
  maxRoleListBytes: number;
};

/**
 * Checks the constructor options of `AuthLiteClient` and fills in the defaults. An unknown
 * option is refused, never dropped: `baseURL` for `baseUrl` would talk to production.
 * @throws ConfigurationError naming the first option at fault and what it expected, or the
 * unknown option and its near miss ("did you mean").
 */
export function resolveOptions(options: AuthLiteClientOptions): ResolvedOptions {
  refuseUnknownKeys(options, Object.keys(ClientOptionsSchema.entries));
  const parsed = v.safeParse(ClientOptionsSchema, options);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw invalidOption(issuePath(issue) || 'options', describeExpected(issue));
  }
  // The schema checks the shape of roleStore, clock and sharedRefreshGrace and keeps the objects themselves.
  const opts = parsed.output as AuthLiteClientOptions;
  const insecure = insecureHttpOption(opts);
  if (insecure) throw invalidOption(insecure, INSECURE_HTTP_EXPECTED);
  return {
    ...opts,
    baseUrl: (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    widgetUrl: opts.widgetUrl ?? DEFAULT_WIDGET_URL,
    timeout: opts.timeout ?? DEFAULT_TIMEOUT_MS,
    maxAge: opts.maxAge ?? DEFAULT_MAX_AGE_S,
    clockTolerance: opts.clockTolerance ?? DEFAULT_CLOCK_TOLERANCE_S,
    storeTimeoutMs: opts.storeTimeout ?? defaultStoreTimeoutMs(opts.timeout ?? DEFAULT_TIMEOUT_MS),
    refreshGracePeriodS: opts.refreshGracePeriod ?? DEFAULT_REFRESH_GRACE_PERIOD_S,
    clock: opts.clock ?? SYSTEM_CLOCK,
    maxRoleListBytes: opts.maxRoleListBytes ?? DEFAULT_MAX_ROLE_LIST_BYTES,
  };
}

/** The error of an option that failed its check: names the option and what it expected. */
function invalidOption(option: string, expected: string): ConfigurationError {
  return new ConfigurationError(option, `Invalid option "${option}": expected ${expected}`);
}
