// The page: log in through the hosted widget, keep the session in sessionStorage, validate
// (and refresh) it on every load, and check permissions from a role cache kept in IndexedDB,
// so a reload answers permission checks without asking the service for the roles again.
import { AuthLiteClient, ConfigurationError, TokenSetInvalidError } from '@authlite/core';
import { createIdbStore } from '@authlite/store-idb';
import { type PageConfig, SHOWN_PERMISSIONS } from './config.js';

const SESSION_KEY = 'authlite-session';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function show(id: string, text: string): void {
  $(id).textContent = text;
}

async function main(): Promise<void> {
  const config = (await (await fetch('/config.json')).json()) as PageConfig;
  const options = {
    apiKey: config.apiKey,
    secretKey: config.secretKey,
    orgId: config.orgId,
    baseUrl: config.baseUrl,
    widgetUrl: config.widgetUrl,
    clock: { nowMs: () => Date.now() + config.clockOffsetMs },
  };

  // The browser guard, shown for real: a secret key is refused here unless the page opts in.
  try {
    new AuthLiteClient(options);
    show('guard', 'The client accepted a secret key without dangerouslyAllowBrowser: this is not a browser?');
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    show(
      'guard',
      `Refused without the opt-in (${error.code}, option ${error.option}). This demo passes dangerouslyAllowBrowser: true with the emulator's public development key; a real app keeps its secret key on a server.`,
    );
  }
  const client = new AuthLiteClient({ ...options, dangerouslyAllowBrowser: true, roleStore: createIdbStore({ orgId: config.orgId }) });

  const login = $<HTMLAnchorElement>('login');
  login.href = client.generateUrl();

  // Back from the login widget with ?code=: exchange it once, then clean the address bar.
  const url = new URL(location.href);
  const code = url.searchParams.get('code');
  if (code) {
    const user = await client.getUser(code);
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ access: user.access_token, refresh: user.refresh_token }));
    history.replaceState(null, '', url.pathname);
  }

  const saved = sessionStorage.getItem(SESSION_KEY);
  if (!saved) {
    show('status', 'Not logged in.');
    login.hidden = false;
    return;
  }
  let session = JSON.parse(saved) as { access: string; refresh: string };
  try {
    const check = await client.validateTokenSet(session.access, session.refresh);
    if (!check.state) {
      session = { access: check.access, refresh: check.refresh };
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    }
  } catch (error) {
    if (!(error instanceof TokenSetInvalidError)) throw error;
    sessionStorage.removeItem(SESSION_KEY);
    show('status', 'Your session ended: log in again.');
    login.hidden = false;
    return;
  }

  const user = await client.getUserData(session.access);
  const roles = user.roles ?? [];
  const index = await client.roles.load(); // from IndexedDB when a fresh snapshot is there
  show('status', `Logged in as ${user.email} (roles: ${roles.join(', ') || 'none'}).`);
  const rows = $('permissions').querySelector('tbody')!;
  for (const { key, value } of SHOWN_PERMISSIONS) {
    const row = rows.insertRow();
    row.dataset['permission'] = `${key}=${value}`;
    row.insertCell().textContent = `${key}=${value}`;
    row.insertCell().textContent = roles.some((role) => index.can(role, key, value)) ? 'allowed' : 'denied';
  }
  $('permissions').hidden = false;

  const logout = $<HTMLButtonElement>('logout');
  logout.hidden = false;
  logout.onclick = async () => {
    await client.revokeToken({ refreshToken: session.refresh }, { revokeAllTokens: true });
    sessionStorage.removeItem(SESSION_KEY);
    location.reload();
  };
}

main().then(
  () => document.body.setAttribute('data-ready', 'true'),
  (error: unknown) => {
    show('status', `Error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    document.body.setAttribute('data-ready', 'error');
  },
);
