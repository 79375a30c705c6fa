// The bench app's TrustAuthX setup: the helper's defaults (session cache on, 30 s), one
// guarded route and one permission route. The emulator's address comes from the environment.
import { AuthLiteClient } from '@authlite/core';
import { createAuthLite } from '@authlite/next';

export const auth = createAuthLite({
  client: () =>
    new AuthLiteClient({
      apiKey: process.env.TRUSTAUTHX_API_KEY,
      secretKey: process.env.TRUSTAUTHX_SECRET_KEY,
      orgId: process.env.TRUSTAUTHX_ORG_ID,
      baseUrl: process.env.TRUSTAUTHX_BASE_URL,
    }),
  routes: [{ path: '/guarded' }, { path: '/permitted', permission: { key: 'reports', value: 'read' } }],
});
