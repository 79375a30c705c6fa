import type { AnswerVerifier } from '../credentials/answer-verifier.ts';
import type { ClientCredentials } from '../credentials/client-credentials.ts';
import type { EndpointContext } from '../endpoints/context.ts';
import { ConfigurationError, ValidationError } from '../errors/authlite-error.ts';
import type { RoleCache } from '../roles/role-cache.ts';
import type { ServiceClock } from '../runtime/service-clock.ts';
import type { TokenRefreshes } from '../tokens/token-refreshes.ts';
import type { TokenValidations } from '../tokens/token-validations.ts';
import type { Transport } from '../transport/transport.ts';
import type { ResolvedOptions } from './resolve-options.ts';

declare const handleBrand: unique symbol;

/**
 * An opaque handle on one TrustAuthX client, made by {@link createHandle} and passed first to
 * every function of the function API (`validateAccessToken(auth, token)`). It has no
 * properties: its options, credentials and caches are held where no other code can read them.
 * A handle owns its caches (validation cache, rotation record, role cache); two handles never
 * share them. `AuthLiteClient` is a class over one handle (its `handle` property).
 */
export interface AuthLiteHandle {
  readonly [handleBrand]: true;
}

/**
 * What a handle holds. The parts every call needs are made by `createHandle`; the slots are
 * filled by the first function that needs them, so that the handle's module imports none of them.
 */
export interface HandleState {
  /** The resolved options without `apiKey` and `secretKey` (those are in `credentials` only). */
  readonly options: Omit<ResolvedOptions, 'apiKey' | 'secretKey'>;
  readonly credentials: ClientCredentials;
  readonly clock: ServiceClock;
  readonly transport: Transport;
  /** The endpoint context of one call; its `verify` is the `verify` slot (made by the functions that read signed answers). */
  readonly context: (signal?: AbortSignal) => EndpointContext;
  /** Verifier of signed answers (user endpoints). */
  verify?: AnswerVerifier;
  /** Access token validations: single-flight and validation cache. */
  validations?: TokenValidations;
  /** Refreshes: single-flight and the rotation record. */
  refreshes?: TokenRefreshes;
  /** The role cache; the transport hands it each answer's `X-EDGE` count once it exists. */
  roleCache?: RoleCache;
  /** Role ids already found well-formed by `validatePermission` (its hot path). */
  checkedRoleIds?: Set<string>;
}

const states = /* @__PURE__ */ new WeakMap<AuthLiteHandle, HandleState>();

/** A new handle on `state`; only this module can read it back. */
export function registerHandle(state: HandleState): AuthLiteHandle {
  const handle = Object.freeze({}) as AuthLiteHandle;
  states.set(handle, state);
  return handle;
}

/**
 * The state of a handle.
 * @throws ValidationError (argument `auth`) when `auth` is not a handle made by `createHandle`.
 */
export function stateOf(auth: AuthLiteHandle): HandleState {
  const state = states.get(auth);
  if (state === undefined) throw new ValidationError('auth', 'a handle made by createHandle');
  return state;
}

/** The handle's `orgId`. @throws ConfigurationError (option `orgId`) naming `where` when it has none. */
export function requireOrgId(state: HandleState, where: string): string {
  const orgId = state.options.orgId;
  if (orgId === undefined) throw new ConfigurationError('orgId', `${where} needs the client option "orgId"`);
  return orgId;
}
