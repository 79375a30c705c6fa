import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import { AuthLiteClient, ConfigurationError, HttpError, isAuthLiteError, ValidationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();
const { admin, editor, viewer } = DEFAULT_ROLE_IDS;
const base = { apiKey: 'k'.repeat(40), secretKey: 's'.repeat(64) };

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('unknown options are refused, never dropped', () => {
  it.each([
    ['baseURL', 'baseUrl'],
    ['orgID', 'orgId'],
    ['rolestore', 'roleStore'],
    ['validationCache', 'validationCacheTtl'],
  ])('constructor option %s is a ConfigurationError suggesting %s', (typo, meant) => {
    const error = thrown(() => new AuthLiteClient({ ...base, [typo]: 'x' } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).option).toBe(typo);
    expect((error as Error).message).toBe(`Unknown option "${typo}" (did you mean "${meant}"?)`);
  });

  it('an option unlike any other gets no suggestion', () => {
    const error = thrown(() => new AuthLiteClient({ ...base, retries: 3 } as never));
    expect((error as ConfigurationError).option).toBe('retries');
    expect((error as Error).message).toBe('Unknown option "retries"');
  });

  it('signal is accepted beside the named options', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('bob@example.com'));
    const revoked = await client.revokeToken(
      { accessToken: user.access_token },
      { revokeAllTokens: false, signal: new AbortController().signal },
    );
    expect(revoked).toBe(true);
  });
});

describe('isAuthLiteError', () => {
  it('recognises an error of this copy and narrows by code', async () => {
    const error = await emu
      .client()
      .getUser('unknown-code')
      .catch((e: unknown) => e);
    expect(isAuthLiteError(error)).toBe(true);
    expect(isAuthLiteError(error, 'ERR_HTTP')).toBe(true);
    expect(isAuthLiteError(error, 'ERR_TIMEOUT')).toBe(false);
    if (isAuthLiteError(error, 'ERR_HTTP')) expect(error.status).toBe(401);
  });

  it('recognises an error built by another copy of the package, where instanceof fails', async () => {
    // The built bundle is a second copy of every class: what two installed versions look like.
    // (A URL, not a literal path: the typecheck runs before the build.)
    const copy = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');
    const error = await new copy.AuthLiteClient({ apiKey: emu.apiKey, secretKey: emu.secretKey, baseUrl: emu.url })
      .getUser('unknown-code')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(copy.HttpError);
    expect(error).not.toBeInstanceOf(HttpError);
    expect(isAuthLiteError(error, 'ERR_HTTP')).toBe(true);
  });

  it('refuses look-alikes: a plain Error or an object with a code', () => {
    expect(isAuthLiteError(new Error('x'))).toBe(false);
    expect(isAuthLiteError({ name: 'HttpError', code: 'ERR_HTTP', message: 'x', status: 401 })).toBe(false);
    expect(isAuthLiteError(null)).toBe(false);
    expect(isAuthLiteError('ERR_HTTP')).toBe(false);
  });

  it('adds no enumerable or own property to the error', () => {
    const error = new ValidationError('field', 'a value');
    expect(Object.keys(error)).toEqual(['code', 'name', 'field']);
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
  });
});

describe('results have precise types and values', () => {
  it('getUserData types name and roles', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('alice@example.com'));
    const data = await client.getUserData(user.access_token);
    expect(data.name).toBe('Alice Example');
    expect(data.roles?.includes(admin)).toBe(true);
  });

  it('attachRole, removeRole and updateRole answer { uid, roles }', async () => {
    const client = emu.client();
    const { uid } = await client.getUser(await emu.login('bob@example.com'));
    const attached = await client.attachRole(uid, editor);
    expect({ uid: attached.uid, roles: [...attached.roles].sort() }).toEqual({ uid, roles: [editor, viewer].sort() });
    const removed = await client.removeRole(uid, [editor]);
    expect(removed.roles).toEqual([viewer]);
    const updated = await client.updateRole(uid, { add: [admin], remove: viewer });
    expect(updated.roles).toEqual([admin]);
  });

  it('rejections are English messages of ours, before any request', async () => {
    const client = emu.client();
    const empty = await client.attachRole('uid1', []).catch((e: unknown) => e);
    expect((empty as Error).message).toBe('Invalid argument "roleIds": expected a non-empty list of role ids');
    const emptySide = await client.updateRole('uid1', { add: [admin], remove: [] }).catch((e: unknown) => e);
    expect((emptySide as ValidationError).field).toBe('change.remove');
    expect((emptySide as Error).message).toBe('Invalid argument "change.remove": expected a non-empty list of role ids');
    const many = await client
      .attachRole(
        'uid1',
        Array.from({ length: 101 }, (_, i) => `rol_abc_${i.toString(16).padStart(16, '0')}`),
      )
      .catch((e: unknown) => e);
    expect((many as Error).message).toBe('Invalid argument "roleIds": expected at most 100 role ids');
    const noPermission = await client.roles.addRole('r', []).catch((e: unknown) => e);
    expect((noPermission as Error).message).toBe('Invalid argument "permissions": expected at least one permission');
    expect(await emu.requests()).toEqual([]);
  });
});
