/**
 * Largest answer body read per endpoint, bytes. Reading stops at the cap with an
 * `AnswerTooLargeError`: a hostile or broken server cannot make the SDK buffer more. Each cap
 * is far above what a real organisation sends (a signed answer is at most 16384 characters,
 * a token pair two tokens).
 */
export const ANSWER_CAPS = {
  /** `auth/data`, `re-auth/token`, `me/data`: a JSON string of at most 16384 characters, escaped. */
  signedAnswer: 65_536,
  /** `GET /api/user/me/access/token/`: a token pair. */
  tokenPair: 16_384,
  /** `GET /api/user/me/auth/validate/token`: the body is not used. */
  validation: 16_384,
  /** `DELETE /api/user/me/token/`: `true` or `false`. */
  revocation: 4_096,
  /** Role and permission writes and role assignment: one role, or one user's roles. */
  roleWrite: 1_048_576,
  /** An error answer (non-2xx): only its `detail` is used; a longer one is dropped unread. */
  errorBody: 65_536,
} as const;

/**
 * Default cap of the role list (`GET /rbac/role`), bytes: 4 MiB, about 20000 roles of ten
 * permissions. Set the client option `maxRoleListBytes` for more.
 */
export const DEFAULT_MAX_ROLE_LIST_BYTES = 4_194_304;
