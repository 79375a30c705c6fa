import { AuthLiteClient, AuthLiteError } from '@authlite/core';
import { DEFAULT_SEED } from '@authlite/emulator';
import { advanceClock, saveProfile, signInOnWidget } from './browser.js';
import { chooseTarget } from './target.js';
import { short, Transcript } from './transcript.js';

const target = await chooseTarget(process.env);
const out = new Transcript();
const emulator = target.emulatorUrl;
const noControl = 'needs the emulator control API (running against the real service)';

console.log(
  target.kind === 'emulator'
    ? `authlite demo against the embedded TrustAuthX emulator at ${target.baseUrl}`
    : 'authlite demo against the real TrustAuthX service (credentials from TRUSTAUTHX_*)',
);
const seeded = DEFAULT_SEED.organisations[0];
const seedRoles = seeded?.roles ?? [];
const seedUsers = seeded?.users ?? [];
if (target.kind === 'emulator' && seeded) {
  out.note(`The emulator starts from its default seed (source: packages/emulator/src/seed.ts):`);
  out.note(`  roles ${seedRoles.map((role) => role.name).join(', ')}; users ${seedUsers.map((user) => user.email).join(', ')}.`);
  out.note(`  The demo adds one role of its own (demo-publisher) and deletes it at the end.`);
}

// The SDK judges the time claims of signed answers by its clock: it moves with the emulator's.
let clockOffsetMs = 0;
const client = new AuthLiteClient({
  clock: { nowMs: () => Date.now() + clockOffsetMs },
  apiKey: target.apiKey,
  secretKey: target.secretKey,
  orgId: target.orgId,
  ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
  ...(target.widgetUrl ? { widgetUrl: target.widgetUrl } : {}),
});

let roleId: string | undefined;
try {
  const loginUrl = client.generateUrl();
  out.step('generateUrl(): login URL', loginUrl);

  const code = emulator ? await signInOnWidget(loginUrl, 'alice@example.com') : process.env.TRUSTAUTHX_LOGIN_CODE;
  if (!code) {
    out.skip('login code from the widget', 'set TRUSTAUTHX_LOGIN_CODE to a fresh code from the login URL');
    const roles = await client.roles.getAllRoles();
    out.step('roles.getAllRoles()', `${roles.length} roles`);
  } else {
    out.step('login code from the widget redirect', short(code));

    const user = await client.getUser(code);
    out.step('getUser(code): verified HS256 answer', `${user.email} uid=${user.uid} scope=${JSON.stringify(user.scope)}`);

    out.step('validateAccessToken(access)', String(await client.validateAccessToken(user.access_token)));

    const data = await client.getUserData(user.access_token);
    out.step('getUserData(access)', `${data.email} img=${data.img || '(none)'}`);

    const role = await client.roles.addRole('demo-publisher', [{ posts: 'write' }, { posts: 'publish' }]);
    roleId = role.rol_id;
    out.step('roles.addRole(name, two permissions)', `${role.rol_id} ${JSON.stringify(role.permissions)}`);

    const assigned = await client.attachRole(user.uid, role.rol_id);
    out.step('attachRole(uid, roleId)', JSON.stringify(assigned));

    out.step('roles.validate(roleId, "posts", "publish")', String(await client.roles.validate(role.rol_id, 'posts', 'publish')));
    const count = await client.roles.countRoles();
    out.step(
      'roles.countRoles()',
      target.kind === 'emulator' && seeded ? `${count} (${seedRoles.length} from the emulator's seed + demo-publisher)` : String(count),
    );

    const pair = await client.getAccessTokenFromRefreshToken(user.refresh_token);
    out.step('getAccessTokenFromRefreshToken(refresh)', `rotated: access ${short(pair.access_token)}`);

    if (emulator) {
      await advanceClock(emulator, 3601);
      clockOffsetMs += 3601_000;
      out.step('emulator clock +3601 s', 'the access token has expired');
      const check = await client.validateTokenSet(pair.access_token, pair.refresh_token);
      out.step(
        'validateTokenSet(expired access, refresh)',
        `state=${check.state}: refreshed, store the rotated pair (access ${short(check.access)})`,
      );
      pair.access_token = check.access;
      pair.refresh_token = check.refresh;
    } else {
      out.skip('validateTokenSet with an expired access token', noControl);
    }

    // The edit-profile URL carries the organisation's api_key and never-expiring signed_key:
    // whoever sees it can act as the organisation. The call refuses without this opt-in; send
    // the URL to that user only, never log it, and rotate the keys if it leaks (SECURITY.md).
    const editUrl = await client.generateEditUserUrl(pair.access_token, 'http://localhost:3000/profile-saved', {
      dangerouslyExposeOrgCredentials: true,
    });
    out.step(
      'generateEditUserUrl(access, callback, { dangerouslyExposeOrgCredentials: true })',
      `${new URL(editUrl).origin}${new URL(editUrl).pathname}?… (carries the org's api_key and signed_key: opt-in required, see SECURITY.md)`,
    );

    if (emulator) {
      const saved = await saveProfile(editUrl, 'Alice Demo');
      out.step(
        'profile saved in the browser',
        `re-auth code ${short(saved.code)}, ac=${saved.changed} (${saved.changed ? 'profile changed' : 'nothing changed'})`,
      );
      const updated = await client.reAuth(saved.code);
      out.step('reAuth(code)', `name is now "${updated.name}"`);
      pair.access_token = updated.access_token;
    } else {
      out.skip('reAuth(code) after editing the profile', noControl);
    }

    out.step(
      'revokeToken({ accessToken }, { revokeAllTokens: true })',
      String(await client.revokeToken({ accessToken: pair.access_token }, { revokeAllTokens: true })),
    );
    out.step('validateAccessToken(access) after revoke', String(await client.validateAccessToken(pair.access_token)));
  }
} catch (error) {
  const detail = error instanceof AuthLiteError ? `${error.code}: ${error.message}` : String(error);
  console.error(`demo failed: ${detail}`);
  process.exitCode = 1;
} finally {
  if (roleId) await client.roles.deleteRole(roleId).catch(() => undefined);
  await target.stop();
}
if (!process.exitCode) console.log('demo finished: every step ran');
