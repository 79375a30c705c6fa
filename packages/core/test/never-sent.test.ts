import { describe, expect, it } from 'vitest';
import { NetworkError, RefreshOutcomeUnknownError, type User } from '../src/index.js';
import { failedBeforeSending } from '../src/transport/never-sent.js';
import { closedPortUrl, useEmulator } from './emulator.js';

// Issue 9, item 7: "never sent" is decided from the runtime's structured error (codes, names),
// so a refresh that never left is a NetworkError (log-in not needed), not "outcome unknown".
const emu = useEmulator();
const REFRESH = '/api/user/me/access/token/';

async function refreshAt(baseUrl: string, user: User): Promise<unknown> {
  return emu
    .client({ baseUrl })
    .getAccessTokenFromRefreshToken(user.refresh_token)
    .catch((e: unknown) => e);
}

describe('a refresh that never left is a NetworkError with neverSent: true', () => {
  const targets: [name: string, url: () => Promise<string>, code: string][] = [
    ['refused connection (a closed loopback port)', closedPortUrl, 'ECONNREFUSED'],
    ['DNS failure (an .invalid host)', async () => 'https://authlite-never-sent.invalid', 'ENOTFOUND'],
    ['TLS failure (https to the plain-http emulator port)', async () => emu.url.replace('http:', 'https:'), 'ERR_SSL_WRONG_VERSION_NUMBER'],
  ];
  for (const [name, url, code] of targets) {
    it(name, async () => {
      const user = await emu.client().getUser(await emu.login('alice@example.com'));
      const error = await refreshAt(await url(), user);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).not.toBeInstanceOf(RefreshOutcomeUnknownError);
      expect((error as NetworkError).neverSent).toBe(true);
      // The structured cause is kept (sanitised) for the caller, code included.
      expect(((error as Error).cause as Error & { cause?: { code?: string } }).cause?.code).toBe(code);
      // The refresh token was not used: it still works against the real service.
      expect((await emu.requests()).filter((r) => r.path === REFRESH)).toHaveLength(0);
      await expect(emu.client().getAccessTokenFromRefreshToken(user.refresh_token)).resolves.toHaveProperty('access_token');
    });
  }

  it('a connection lost after the request was sent is still RefreshOutcomeUnknownError', async () => {
    const user = await emu.client().getUser(await emu.login('alice@example.com'));
    await emu.faults([{ path: REFRESH, status: 200, body: '{"access_token":"abc","refresh_token":"def"}', truncate: true }]);
    const error = await emu
      .client()
      .getAccessTokenFromRefreshToken(user.refresh_token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefreshOutcomeUnknownError);
    expect(((error as Error).cause as NetworkError).neverSent).toBe(false);
  });
});

describe('failedBeforeSending reads structure, not message text', () => {
  const cause = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);
  it('Node and Edge Runtime: cause.code; Bun: the error code; Deno: its Connect error kind and permission names', () => {
    expect(failedBeforeSending(new TypeError('fetch failed', { cause: cause({ code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(failedBeforeSending(cause({ code: 'ENOTFOUND' }))).toBe(true);
    expect(failedBeforeSending(cause({ code: 'EPROTO' }))).toBe(true);
    expect(
      failedBeforeSending(
        new TypeError('fetch failed', {
          cause: new Error('error sending request for url (http://x/): client error (Connect): tcp connect error'),
        }),
      ),
    ).toBe(true);
    expect(failedBeforeSending(cause({ name: 'NotCapable' }))).toBe(true);
    // A cross-realm object (the Edge Runtime's VM) is read the same way.
    expect(failedBeforeSending({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } })).toBe(true);
  });

  it('every code and name that means "not sent" (connect, DNS, TLS handshake, permission)', () => {
    const codes = [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EAI_NONAME',
      'ENETUNREACH',
      'EHOSTUNREACH',
      'UND_ERR_CONNECT_TIMEOUT',
      'ERR_INVALID_URL',
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'EPROTO',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'CERT_HAS_EXPIRED',
      'CERT_NOT_YET_VALID',
    ];
    for (const code of codes) expect(failedBeforeSending(new TypeError('fetch failed', { cause: cause({ code }) })), code).toBe(true);
    for (const name of ['NotCapable', 'PermissionDenied']) expect(failedBeforeSending(cause({ name })), name).toBe(true);
    for (const name of ['TypeError', 'Error', 'AbortError']) expect(failedBeforeSending(cause({ name })), name).toBe(false);
  });

  it('anything else is "maybe sent": resets, browsers and workerd, and a code only in the message', () => {
    expect(failedBeforeSending(new TypeError('fetch failed', { cause: cause({ code: 'ECONNRESET' }) }))).toBe(false);
    expect(failedBeforeSending(new TypeError('fetch failed', { cause: cause({ code: 'UND_ERR_SOCKET' }) }))).toBe(false);
    expect(failedBeforeSending(new TypeError('Failed to fetch'))).toBe(false);
    expect(failedBeforeSending(cause({ remote: true, retryable: true, message: 'Network connection lost.' }))).toBe(false);
    expect(failedBeforeSending(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe(false);
    expect(failedBeforeSending(new Error('error sending request: client error (SendRequest): connection closed'))).toBe(false);
    expect(failedBeforeSending(cause({ code: 42 }))).toBe(false);
    expect(failedBeforeSending('ECONNREFUSED')).toBe(false);
    expect(failedBeforeSending(null)).toBe(false);
  });

  it('looks at most 5 causes deep', () => {
    let deep: unknown = cause({ code: 'ECONNREFUSED' });
    for (let i = 0; i < 4; i++) deep = new Error('wrap', { cause: deep });
    expect(failedBeforeSending(deep)).toBe(true);
    expect(failedBeforeSending(new Error('wrap', { cause: deep }))).toBe(false);
  });
});
