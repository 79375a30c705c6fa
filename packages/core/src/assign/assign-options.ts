import type { CallOptions } from '../shared/call-options.ts';

/** Options of the role assignment methods without sign-off. */
export interface AssignOptions extends CallOptions {
  signoffSessionAndAssign?: false | undefined;
}

/** Options of the role assignment methods with sign-off: the old session ends, a new token pair carries the new roles. */
export interface SignOffAssignOptions extends CallOptions {
  signoffSessionAndAssign: true;
  accessToken: string;
  refreshToken: string;
}

/** The role change of `updateRole`: role ids to add and to remove, one id or a non-empty list each. */
export interface RoleChange {
  add: string | string[];
  remove: string | string[];
}
