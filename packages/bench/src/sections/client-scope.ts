import { AuthLiteClient } from '@authlite/core';
import type { RemoteEmulator } from '../emulator/remote.js';
import { fig, type Row } from '../results.js';
import { figure } from '../stats.js';

const SECTION = '5 middleware load';
const REQUESTS = 100;
const ROLE_FETCH = 'GET /rbac/role';
const VALIDATE = 'GET /api/user/me/auth/validate/token';
const ADMIN = 'rol_adm_00000000000000a1';

/**
 * Row 5b: what a request handler costs upstream when it builds the client inside the handler
 * (a pattern copied from other SDKs' middleware examples) against one client built at module
 * scope: 100 requests, each validating one access token and checking one permission, counted
 * at the emulator. Both clients use `validationCacheTtl: 60`.
 */
export async function benchClientScope(emulator: RemoteEmulator): Promise<Row[]> {
  const { url, apiKey, secretKey, orgId } = emulator.info;
  const options = { apiKey, secretKey, orgId, baseUrl: url, validationCacheTtl: 60 };
  const token = (await new AuthLiteClient(options).getUser(await emulator.loginCode('scope@example.com'))).access_token;
  const handle = async (client: AuthLiteClient) => {
    if (!(await client.validateAccessToken(token)) || !(await client.roles.validate(ADMIN, 'billing', 'write'))) {
      throw new Error('the request was refused');
    }
  };

  const upstream = async (run: () => Promise<void>) => {
    await emulator.resetCounts();
    await run();
    return { roles: await emulator.count(ROLE_FETCH), validations: await emulator.count(VALIDATE) };
  };
  const perProcess = new AuthLiteClient(options);
  const once = await upstream(async () => {
    for (let i = 0; i < REQUESTS; i++) await handle(perProcess);
  });
  const perRequest = await upstream(async () => {
    for (let i = 0; i < REQUESTS; i++) await handle(new AuthLiteClient(options));
  });
  const row = (what: string, ours: number, theirs: number): Row => ({
    section: SECTION,
    figure: `upstream ${what} / ${REQUESTS} requests, one client per process`,
    unit: 'requests',
    authlite: fig(figure([ours])),
    baseline: { name: 'a client per request', value: fig(figure([theirs])) },
    note: 'build the client once at module scope: its keys, role cache and validation cache live as long as the process',
  });
  return [row('GET /rbac/role', once.roles, perRequest.roles), row('token validations', once.validations, perRequest.validations)];
}
