import { Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { authenticate } from '../http/authenticate.ts';
import { requireBoolQuery, requireQuery } from '../http/query.ts';
import { findActiveToken, issuedTokenClaims, revokeSession, revokeToken, revokeUser, rotateRefreshToken } from '../state/tokens.ts';
import type { World } from '../state/world.ts';

/**
 * Token routes: `GET /api/user/me/access/token/` (refresh with rotation),
 * `GET /api/user/me/auth/validate/token` and `DELETE /api/user/me/token/`.
 */
export function tokenRoutes(world: World): Hono {
  const app = new Hono();

  app.get('/api/user/me/access/token', async (c) => {
    const org = await authenticate(c, world);
    const token = requireQuery(c, 'RefreshToken');
    const record = findActiveToken(org.tokens, world.clock, token, 'refresh');
    if (!record) throw new ApiError(401, 'Invalid, used, expired or revoked refresh token');
    const user = org.users.get(record.uid);
    if (!user) throw new ApiError(404, 'User not found');
    const pair = await rotateRefreshToken(org.tokens, world.clock, org.tokenSettings, record, user.roles);
    return c.json({ access_token: pair.access.token, refresh_token: pair.refresh.token });
  });

  app.get('/api/user/me/auth/validate/token', async (c) => {
    const org = await authenticate(c, world);
    const token = requireQuery(c, 'AccessToken');
    if (!findActiveToken(org.tokens, world.clock, token, 'access')) {
      throw new ApiError(401, 'Invalid, expired or revoked access token');
    }
    return c.json({ valid: true });
  });

  app.delete('/api/user/me/token', async (c) => {
    const org = await authenticate(c, world);
    const token = requireQuery(c, 'Token');
    const isAccess = requireBoolQuery(c, 'AccessToken');
    const specificOnly = requireBoolQuery(c, 'SpecificTokenOnly');
    // A token no longer held (revoked or expired, then pruned) is still known by its signature.
    const record = org.tokens.get(token);
    const issued = record ?? (await issuedTokenClaims(org.tokenSettings, token));
    if (!issued || issued.kind !== (isAccess ? 'access' : 'refresh')) {
      throw new ApiError(401, isAccess ? 'Unknown access token' : 'Unknown refresh token');
    }
    let revoked: number;
    if (!specificOnly) revoked = revokeUser(org.tokens, world.clock, issued.uid);
    else if (isAccess) revoked = record ? revokeToken(org.tokens, world.clock, record) : 0;
    else revoked = revokeSession(org.tokens, world.clock, issued.sid);
    return c.json(revoked > 0);
  });

  return app;
}
