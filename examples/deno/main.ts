// The authlite demo flow on Deno: `pnpm start` here (deno run --allow-net=127.0.0.1 --allow-env=TRUSTAUTHX_... main.ts).
// With TRUSTAUTHX_API_KEY, TRUSTAUTHX_SECRET_KEY and TRUSTAUTHX_ORG_ID set, it talks to the real
// service (and stops after the role count: the rest needs a login in a browser); otherwise it
// serves the emulator's fetch handler with Deno.serve on 127.0.0.1 and runs the whole flow.
// Standalone on purpose: one file a reader copies to try authlite on Deno, so it repeats the
// flow of examples/bun/main.ts rather than importing it.
import { AuthLiteClient, AuthLiteError, TokenSetInvalidError } from '@authlite/core';
import { createEmulator, DEFAULT_ROLE_IDS } from '@authlite/emulator';

const env = (name: string): string | undefined => Deno.env.get(name);
let step = 0;
const say = (label: string, result: string) => console.log(`${String(++step).padStart(2)}. ${label.padEnd(58)} ${result}`);
const short = (token: string) => `${token.slice(0, 10)}…(${token.length} chars)`;

let server: Deno.HttpServer<Deno.NetAddr> | undefined;
let options: { apiKey: string; secretKey: string; orgId: string; baseUrl?: string; widgetUrl?: string };
const realKey = env('TRUSTAUTHX_API_KEY');
if (realKey && env('TRUSTAUTHX_SECRET_KEY') && env('TRUSTAUTHX_ORG_ID')) {
  options = { apiKey: realKey, secretKey: env('TRUSTAUTHX_SECRET_KEY')!, orgId: env('TRUSTAUTHX_ORG_ID')! };
  console.log(`authlite on Deno ${Deno.version.deno}, against the real TrustAuthX service`);
} else {
  const emulator = createEmulator();
  server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, (request) => emulator.fetch(request));
  const url = `http://127.0.0.1:${server.addr.port}`;
  const org = emulator.orgs[0]!;
  options = { apiKey: org.api_key, secretKey: org.secret_key, orgId: org.org_id, baseUrl: url, widgetUrl: `${url}/widget/login/` };
  console.log(`authlite on Deno ${Deno.version.deno}, against the emulator served by Deno.serve at ${url}`);
}

// One client for the whole process, built once at module scope: its keys, role cache and
// single-flight serve every call (a client per request would fetch GET /rbac/role every time).
const client = new AuthLiteClient(options);
try {
  const loginUrl = client.generateUrl();
  say('generateUrl()', loginUrl);
  say('roles.countRoles()', String(await client.roles.countRoles()));
  if (server) {
    // What the user's browser does: submit the login form, follow the redirect to the callback.
    const form = await fetch(loginUrl, { method: 'POST', body: new URLSearchParams({ email: 'alice@example.com' }), redirect: 'manual' });
    const code = new URL(form.headers.get('location') ?? 'about:blank').searchParams.get('code') ?? '';
    say('login code from the widget redirect', short(code));
    const user = await client.getUser(code);
    say('getUser(code): verified HS256 answer', `${user.email} uid=${user.uid}`);
    say('validateAccessToken(access)', String(await client.validateAccessToken(user.access_token)));
    const data = await client.getUserData(user.access_token);
    say('getUserData(access)', `${data.email} roles=${JSON.stringify(data['roles'])}`);
    say('roles.validate(admin, "billing", "write")', String(await client.roles.validate(DEFAULT_ROLE_IDS.admin, 'billing', 'write')));
    say('roles.validate(viewer, "billing", "write")', String(await client.roles.validate(DEFAULT_ROLE_IDS.viewer, 'billing', 'write')));
    const pair = await client.getAccessTokenFromRefreshToken(user.refresh_token);
    say('getAccessTokenFromRefreshToken(refresh)', `rotated: access ${short(pair.access_token)}`);
    await fetch(`${options.baseUrl}/__emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_s: 3601 }),
    });
    const check = await client.validateTokenSet(pair.access_token, pair.refresh_token);
    say('validateTokenSet after 3601 s', `state=${check.state} new access ${short(check.access)}`);
    say(
      'revokeToken({ refreshToken }, { revokeAllTokens: true })',
      String(await client.revokeToken({ refreshToken: check.refresh }, { revokeAllTokens: true })),
    );
    try {
      await client.validateTokenSet(check.access, check.refresh);
    } catch (error) {
      if (!(error instanceof TokenSetInvalidError)) throw error;
      say('validateTokenSet after revoke', `${error.code}: log in again`);
    }
  }
  console.log('deno demo finished: every step ran');
} catch (error) {
  console.error(`deno demo failed: ${error instanceof AuthLiteError ? `${error.code}: ${error.message}` : String(error)}`);
  Deno.exitCode = 1;
} finally {
  await server?.shutdown();
}
