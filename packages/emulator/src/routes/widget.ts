import { type Context, Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { authenticate } from '../http/authenticate.ts';
import { escapeHtml, page } from '../http/html.ts';
import { requireQuery } from '../http/query.ts';
import { issueCode } from '../state/codes.ts';
import type { OrgState } from '../state/organisations.ts';
import { findActiveToken } from '../state/tokens.ts';
import { findOrCreateUser, isEmail, type UserRecord, updateProfile } from '../state/users.ts';
import type { World } from '../state/world.ts';

/** Form fields as strings (files and repeated fields ignored). */
async function formFields(c: Context): Promise<Record<string, string>> {
  let parsed: Record<string, unknown>;
  try {
    parsed = await c.req.parseBody();
  } catch {
    throw new ApiError(422, 'Request body must be a form');
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}

function absoluteHttpUrl(text: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiError(422, `Query parameter ${name} must be an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError(422, `Query parameter ${name} must be an http(s) URL`);
  }
  return url;
}

/**
 * Browser pages: the login widget (`GET|POST /widget/login/?org_id=`) and the
 * edit-profile page (`GET|POST /api/user/me/settings/?AccessToken&api_key&signed_key&url`).
 * Both forms post back to their own URL (`action=""`), so no token is ever
 * written into the HTML.
 */
export function widgetRoutes(world: World): Hono {
  const app = new Hono();

  function orgOf(c: Context, fromForm?: string): OrgState {
    const orgId = c.req.query('org_id') || fromForm;
    if (!orgId) throw new ApiError(422, 'Missing query parameter: org_id');
    const org = world.orgs.get(orgId);
    if (!org) throw new ApiError(404, 'Organisation not found');
    return org;
  }

  app.get('/widget/login', (c) => {
    const org = orgOf(c);
    const html = page(
      'Sign in',
      `<h1>Sign in${org.name ? ` to ${escapeHtml(org.name)}` : ''}</h1>
<p class="note">AuthLite local emulator: any email signs in (a new user is created when needed).</p>
<form method="post" action="">
<input type="hidden" name="org_id" value="${escapeHtml(org.org_id)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="email">
<button type="submit">Sign in</button>
</form>`,
    );
    return c.html(html);
  });

  app.post('/widget/login', async (c) => {
    const fields = await formFields(c);
    const org = orgOf(c, fields['org_id']);
    const email = (fields['email'] ?? '').trim();
    if (!isEmail(email)) throw new ApiError(422, 'Field email must be an email address');
    const user = findOrCreateUser(org.users, email);
    const target = new URL(org.callback_url);
    target.searchParams.set('code', issueCode(org.codes, world.clock, 'login', user.uid));
    return c.redirect(target.toString(), 303);
  });

  async function settingsContext(c: Context): Promise<{ org: OrgState; user: UserRecord; url: URL }> {
    const org = await authenticate(c, world);
    const token = requireQuery(c, 'AccessToken');
    const url = absoluteHttpUrl(requireQuery(c, 'url'), 'url');
    const record = findActiveToken(org.tokens, world.clock, token, 'access');
    if (!record) throw new ApiError(401, 'Invalid, expired or revoked access token');
    const user = org.users.get(record.uid);
    if (!user) throw new ApiError(404, 'User not found');
    return { org, user, url };
  }

  app.get('/api/user/me/settings', async (c) => {
    const { user } = await settingsContext(c);
    const html = page(
      'Edit profile',
      `<h1>Edit profile</h1>
<p class="note">Signed in as ${escapeHtml(user.email)} (AuthLite local emulator).</p>
<form method="post" action="">
<label for="name">Name</label>
<input id="name" name="name" type="text" value="${escapeHtml(user.name)}">
<label for="img">Image URL</label>
<input id="img" name="img" type="url" value="${escapeHtml(user.img)}">
<button type="submit">Save</button>
</form>`,
    );
    return c.html(html);
  });

  app.post('/api/user/me/settings', async (c) => {
    const { org, user, url } = await settingsContext(c);
    const fields = await formFields(c);
    const changed = updateProfile(user, { name: fields['name'], img: fields['img'] });
    url.searchParams.set('code', issueCode(org.codes, world.clock, 'reauth', user.uid));
    url.searchParams.set('ac', changed ? 'true' : 'false');
    return c.redirect(url.toString(), 303);
  });

  return app;
}
