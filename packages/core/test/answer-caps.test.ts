import { afterEach, describe, expect, it } from 'vitest';
import { AnswerTooLargeError, AuthLiteClient, ConfigurationError, DEFAULT_MAX_ROLE_LIST_BYTES, HttpError } from '../src/index.js';
import { useEmulator } from './emulator.js';
import { type HostileServer, startHostileServer, streamForever } from './hostile-server.js';

// Issue 9, item 5: every body is read with a cap per endpoint; reading stops at the cap.
const emu = useEmulator();
let server: HostileServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const clientOf = (url: string, options: { maxRoleListBytes?: number } = {}) =>
  new AuthLiteClient({ apiKey: emu.apiKey, secretKey: emu.secretKey, orgId: emu.orgId, baseUrl: url, ...options });

const role = (i: number) =>
  JSON.stringify({ org_id: 'o', rol_id: `rol_abc_${i.toString(16).padStart(16, '0')}`, name: 'r', permissions: [{ posts: 'read' }] });
const ROLE = role(0);

describe('answer caps', () => {
  it('an endless role list stops at the 4 MiB default cap with AnswerTooLargeError', async () => {
    server = await startHostileServer((_req, res, count) => {
      res.write('[');
      count(1);
      streamForever(res, `${ROLE},`.repeat(200), count);
    });
    const error = await clientOf(server.url)
      .roles.load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnswerTooLargeError);
    expect([(error as AnswerTooLargeError).code, (error as AnswerTooLargeError).limitBytes, (error as AnswerTooLargeError).path]).toEqual([
      'ERR_ANSWER_TOO_LARGE',
      DEFAULT_MAX_ROLE_LIST_BYTES,
      '/rbac/role',
    ]);
  });

  it('a 14 MB role list is refused by default and read with a larger maxRoleListBytes', async () => {
    const count = Math.ceil(14_000_000 / ROLE.length);
    const roles = `[${Array.from({ length: count }, (_, i) => role(i)).join(',')}]`;
    expect(roles.length).toBeGreaterThan(14_000_000);
    server = await startHostileServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(roles));
    await expect(clientOf(server.url).roles.countRoles()).rejects.toMatchObject({ code: 'ERR_ANSWER_TOO_LARGE', limitBytes: 4_194_304 });
    await expect(clientOf(server.url, { maxRoleListBytes: 16_000_000 }).roles.countRoles()).resolves.toBe(count);
    await expect(clientOf(server.url, { maxRoleListBytes: roles.length }).roles.countRoles()).resolves.toBeGreaterThan(0);
    await expect(clientOf(server.url, { maxRoleListBytes: roles.length - 1 }).roles.countRoles()).rejects.toMatchObject({
      limitBytes: roles.length - 1,
    });
  });

  it('a declared content-length over the cap is refused before the body is read', async () => {
    server = await startHostileServer((_req, res, count) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10_000_000) });
      res.write('"');
      count(1);
    });
    await expect(clientOf(server.url).getUserData('token')).rejects.toMatchObject({
      code: 'ERR_ANSWER_TOO_LARGE',
      limitBytes: 65_536,
      path: '/api/user/me/data',
    });
  });

  it('an endless signed answer, token pair, validation and revocation each stop at their own cap', async () => {
    server = await startHostileServer((_req, res, count) => streamForever(res, 'x'.repeat(8192), count));
    const client = clientOf(server.url);
    const cases: [Promise<unknown>, number][] = [
      [client.getUser('code'), 65_536],
      [client.getAccessTokenFromRefreshToken('refresh'), 16_384],
      [client.validateAccessToken('access'), 16_384],
      [client.revokeToken({ accessToken: 'access' }), 4_096],
      [client.roles.addRole('name', { posts: 'read' }), 1_048_576],
    ];
    // Settled together: each call has its handler before any of them rejects.
    const settled = await Promise.allSettled(cases.map(([call]) => call));
    for (const [i, [, limit]] of cases.entries()) {
      expect(settled[i]).toMatchObject({ status: 'rejected', reason: { code: 'ERR_ANSWER_TOO_LARGE', limitBytes: limit } });
    }
    // Each call stopped reading: the server saw every socket close while it was still writing.
    expect(server.received).toHaveLength(5);
  });

  it('an answer without a body (204) is read as empty: not JSON, not a network error', async () => {
    await emu.faults([{ path: '/api/user/me/token/', status: 204 }]);
    await expect(emu.client().revokeToken({ accessToken: 'access' })).rejects.toMatchObject({ code: 'ERR_UNEXPECTED_ANSWER' });
  });

  it('a body exactly at the cap is read', async () => {
    const body = JSON.stringify('x'.repeat(4_096 - 2));
    expect(body.length).toBe(4_096);
    server = await startHostileServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    // Read in full (not too large), then refused for its shape.
    await expect(clientOf(server.url).revokeToken({ accessToken: 'access' })).rejects.toMatchObject({ code: 'ERR_UNEXPECTED_ANSWER' });
  });

  it('an endless error answer is dropped at 64 KiB: an HttpError without detail', async () => {
    server = await startHostileServer((_req, res, count) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.write('{"detail":"');
      streamForever(res, 'y'.repeat(8192), count);
    });
    const error = await clientOf(server.url)
      .revokeToken({ accessToken: 'access' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect([(error as HttpError).status, (error as HttpError).detail]).toEqual([500, undefined]);
  });

  it('maxRoleListBytes is validated', () => {
    for (const bad of [0, 1023, 268_435_457, 1.5, '4096']) {
      expect(() => clientOf(emu.url, { maxRoleListBytes: bad as number })).toThrow(ConfigurationError);
    }
    expect(() => clientOf(emu.url, { maxRoleListBytes: 1024 })).not.toThrow();
    expect(() => clientOf(emu.url, { maxRoleListBytes: 268_435_456 })).not.toThrow();
  });

  it('the emulator role list is read under the default cap', async () => {
    await expect(emu.client().roles.countRoles()).resolves.toBe(3);
  });
});
