import { Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { authenticate, issuerOf } from '../http/authenticate.ts';
import { requireQuery } from '../http/query.ts';
import { nowS } from '../state/clock.ts';
import { type CodeKind, takeCode } from '../state/codes.ts';
import { signWithSecret } from '../state/signing.ts';
import { findActiveToken, issueTokenPair } from '../state/tokens.ts';
import { userClaims, userDataClaims } from '../state/user-claims.ts';
import type { World } from '../state/world.ts';

/**
 * User routes: `GET /api/user/me/auth/data` (login code → signed user JWS),
 * `GET /api/user/me/widget/re-auth/token` (re-auth code → signed user JWS) and
 * `GET /api/user/me/data` (access token → signed user data). Signed answers
 * are JSON strings holding a compact HS256 JWS keyed with the org secret_key.
 */
export function userRoutes(world: World): Hono {
  const app = new Hono();

  const exchange = (kind: CodeKind, param: string) =>
    app.get(kind === 'login' ? '/api/user/me/auth/data' : '/api/user/me/widget/re-auth/token', async (c) => {
      const org = await authenticate(c, world);
      const code = requireQuery(c, param);
      const record = takeCode(org.codes, world.clock, kind, code);
      if (!record) throw new ApiError(401, `Invalid, used or expired ${kind === 'login' ? 'login' : 're-auth'} code`);
      const user = org.users.get(record.uid);
      if (!user) throw new ApiError(404, 'User not found');
      const pair = await issueTokenPair(org.tokens, world.clock, org.tokenSettings, user.uid, user.roles);
      const jws = await signWithSecret(org, userClaims(issuerOf(c), user, pair, nowS(world.clock)));
      return c.json(jws);
    });

  exchange('login', 'UserToken');
  exchange('reauth', 'code');

  app.get('/api/user/me/data', async (c) => {
    const org = await authenticate(c, world);
    const token = requireQuery(c, 'AccessToken');
    const record = findActiveToken(org.tokens, world.clock, token, 'access');
    if (!record) throw new ApiError(401, 'Invalid, expired or revoked access token');
    const user = org.users.get(record.uid);
    if (!user) throw new ApiError(404, 'User not found');
    return c.json(await signWithSecret(org, userDataClaims(issuerOf(c), user, nowS(world.clock))));
  });

  return app;
}
