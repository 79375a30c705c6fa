import type { Transport } from '../transport/transport.ts';

/** What every endpoint function needs: the transport and the verifier of signed answers. */
export interface EndpointContext {
  transport: Transport;
  /** Verifies a signed answer and returns its claims; see `verifySignedAnswer`. `requireExp`: refuse one without `exp`. */
  verify: (token: unknown, requireExp: boolean) => Promise<Record<string, unknown>>;
  /** Cap of the role list answer (`GET /rbac/role`), bytes; the client option `maxRoleListBytes`. */
  maxRoleListBytes: number;
  signal?: AbortSignal | undefined;
}

/** Result of an endpoint function: the typed value and the answer's `X-EDGE` count. */
export interface Answered<T> {
  value: T;
  edge: number | undefined;
}
