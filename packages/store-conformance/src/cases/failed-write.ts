import { AuthLiteError, HttpError } from '@authlite/core';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import type { ConformanceCase } from '../types.js';

const { admin } = DEFAULT_ROLE_IDS;

async function failure(call: () => Promise<unknown>): Promise<[string, number | null]> {
  try {
    await call();
    return ['no error', null];
  } catch (error) {
    if (error instanceof HttpError) return [error.code, error.status];
    return [error instanceof AuthLiteError ? error.code : String(error), null];
  }
}

/** A role write the API refuses changes nothing in the store nor in the cache. */
export const failedWrite: ConformanceCase = {
  id: 'failed-write',
  title: 'a failed API write changes nothing in the store nor in the cache',
  expected: {
    errors: [
      ['ERR_HTTP', 404],
      ['ERR_HTTP', 500],
      ['ERR_HTTP', 503],
    ],
    storeUnchanged: true,
    count: 3,
    granted: false,
    fetches: 1,
  },
  async run(ctx) {
    const store = await ctx.openStore();
    const client = ctx.client(store);
    await client.roles.countRoles();
    const before = JSON.stringify(await ctx.stored(store));
    const errors = [await failure(() => client.roles.deleteRole('rol_zzz_0000000000000000'))];
    await ctx.emu.faults([
      { method: 'POST', path: '/rbac/role', status: 500, times: 1 },
      { method: 'POST', path: '/rbac/permission', status: 503, times: 1 },
    ]);
    errors.push(await failure(() => client.roles.addRole('never', { never: 'saved' })));
    errors.push(await failure(() => client.roles.addPermission(admin, { never: 'granted' })));
    return {
      errors,
      storeUnchanged: JSON.stringify(await ctx.stored(store)) === before,
      count: await client.roles.countRoles(),
      granted: await client.roles.validate(admin, 'never', 'granted'),
      fetches: await ctx.emu.roleFetches(),
    };
  },
};
