import type { AnswerVerifier } from '../credentials/answer-verifier.ts';
import { ClientCredentials } from '../credentials/client-credentials.ts';
import { assertSecretKeyAllowedHere } from '../runtime/browser-guard.ts';
import { ServiceClock } from '../runtime/service-clock.ts';
import { Transport } from '../transport/transport.ts';
import { type AuthLiteHandle, type HandleState, registerHandle } from './handle.ts';
import type { AuthLiteClientOptions } from './options.ts';
import { resolveOptions } from './resolve-options.ts';

/**
 * Makes a handle on one TrustAuthX client, for the function API: pass it first to
 * {@link validateAccessToken}, {@link loadRoles}, {@link getUser} and the others. Takes the
 * options of `new AuthLiteClient(options)` and checks them the same way; it sends no request.
 * A bundler keeps only the functions an app calls: a Worker that validates tokens and checks
 * permissions carries no signed-answer verification, refresh or role-write code.
 *
 * @param options as {@link AuthLiteClientOptions} (`timeout` in milliseconds, `maxAge`,
 * `clockTolerance`, `validationCacheTtl`, `refreshGracePeriod` in seconds).
 * @returns an opaque {@link AuthLiteHandle}: no enumerable property; credentials and caches
 * are held where no other code can read them.
 * @throws ConfigurationError when an option is invalid or unknown (naming the option and its
 * near miss); in a browser page unless `dangerouslyAllowBrowser` is `true`.
 * @example
 * import { createHandle, loadRoles, validateAccessToken } from '@authlite/core';
 * const auth = createHandle({ apiKey: env.TRUSTAUTHX_API_KEY, secretKey: env.TRUSTAUTHX_SECRET_KEY, orgId: env.TRUSTAUTHX_ORG_ID });
 * if (!(await validateAccessToken(auth, token))) return new Response('Unauthorized', { status: 401 });
 * const allowed = (await loadRoles(auth)).can(roleId, 'reports', 'read');
 */
export function createHandle(options: AuthLiteClientOptions): AuthLiteHandle {
  // The keys live in the credentials only, not among the options the handle keeps.
  const { apiKey, secretKey, ...opts } = resolveOptions(options);
  assertSecretKeyAllowedHere(opts.dangerouslyAllowBrowser);
  // Every time the service issued is judged on its clock, estimated from answers.
  const clock = new ServiceClock(opts.clock);
  const credentials = new ClientCredentials(apiKey, secretKey);
  const transport = new Transport({
    baseUrl: opts.baseUrl,
    timeoutMs: opts.timeout,
    fetch: opts.fetch,
    credentials,
    // The role cache exists once a role function made it; until then there is no snapshot to mark stale.
    observeEdge: (count) => state.roleCache?.observeEdge(count),
    observeDate: (date) => clock.observeDate(date),
    serviceClock: clock,
    sdkClock: opts.clock,
  });
  const state: HandleState = {
    options: opts,
    credentials,
    clock,
    transport,
    // `verify` is set by the functions that read signed answers before they make a context; no other call reads it.
    context: (signal) => ({ transport, verify: state.verify as AnswerVerifier, maxRoleListBytes: opts.maxRoleListBytes, signal }),
  };
  return registerHandle(state);
}
