import * as v from 'valibot';
import { ConfigurationError } from '../errors/authlite-error.js';
import type { RoleStore } from '../roles/role-store.js';
import { describeExpected, issuePath } from '../schemas/describe-issue.js';
import { ClientOptionsSchema, INSECURE_HTTP_EXPECTED, insecureHttpOption } from '../schemas/options.js';
import { SYSTEM_CLOCK, type Clock } from '../runtime/clock.js';
import { DEFAULT_MAX_ROLE_LIST_BYTES } from '../transport/answer-caps.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_CLOCK_TOLERANCE_S,
  DEFAULT_MAX_AGE_S,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WIDGET_URL,
  type AuthLiteClientOptions,
} from './options.js';

/** Client options checked, with every default filled in. */
export interface ResolvedOptions {
  apiKey: string;
  secretKey: string;
  orgId: string | undefined;
  /** Without a trailing slash. */
  baseUrl: string;
  widgetUrl: string;
  timeoutMs: number;
  maxAgeS: number;
  clockToleranceS: number;
  /** Cap of the role list answer, bytes. */
  maxRoleListBytes: number;
  /** The client's clock (the `clock` option, else the system clock). */
  clock: Clock;
  validationCacheTtlS: number | undefined;
  fetch: typeof fetch | undefined;
  roleStore: RoleStore | undefined;
  dangerouslyAllowBrowser: boolean | undefined;
}

/**
 * Checks the constructor options of `AuthLiteClient` and fills in the defaults.
 * @throws ConfigurationError naming the first option at fault and what it expected.
 */
export function resolveOptions(options: AuthLiteClientOptions): ResolvedOptions {
  const parsed = v.safeParse(ClientOptionsSchema, options);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const option = issuePath(issue) || 'options';
    throw new ConfigurationError(option, `Invalid option "${option}": expected ${describeExpected(issue)}`);
  }
  const opts = parsed.output;
  const insecure = insecureHttpOption(opts);
  if (insecure) throw new ConfigurationError(insecure, `Invalid option "${insecure}": expected ${INSECURE_HTTP_EXPECTED}`);
  return {
    apiKey: opts.apiKey,
    secretKey: opts.secretKey,
    orgId: opts.orgId,
    baseUrl: (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    widgetUrl: opts.widgetUrl ?? DEFAULT_WIDGET_URL,
    timeoutMs: opts.timeout ?? DEFAULT_TIMEOUT_MS,
    maxAgeS: opts.maxAge ?? DEFAULT_MAX_AGE_S,
    clockToleranceS: opts.clockTolerance ?? DEFAULT_CLOCK_TOLERANCE_S,
    maxRoleListBytes: opts.maxRoleListBytes ?? DEFAULT_MAX_ROLE_LIST_BYTES,
    clock: opts.clock ? { nowMs: opts.clock } : SYSTEM_CLOCK,
    validationCacheTtlS: opts.validationCacheTtl,
    fetch: opts.fetch,
    // The schema checks the shape; the object itself is kept, not a copy.
    roleStore: options.roleStore,
    dangerouslyAllowBrowser: opts.dangerouslyAllowBrowser,
  };
}
