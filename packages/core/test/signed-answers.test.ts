import { readdirSync, readFileSync } from 'node:fs';
import { DEV_CREDENTIALS } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import { InvalidSignedAnswerError, type User } from '../src/index.js';
import { useEmulator } from './emulator.js';

interface HostileCase {
  name: string;
  description: string;
  body: string;
  expected: string | null;
  reason: string | null;
}

const dir = new URL('./fixtures/hostile-answers/', import.meta.url);
const corpus: HostileCase[] = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    name: file.replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Omit<HostileCase, 'name'>),
  }));

const emu = useEmulator();

async function getUserAnswering(body: string, path = '/api/user/me/auth/data'): Promise<{ user?: User; error?: unknown }> {
  await emu.faults([{ path, status: 200, body }]);
  const client = emu.client();
  const call = path === '/api/user/me/auth/data' ? client.getUser('any-code') : client.reAuth('any-code');
  return call.then(
    (user) => ({ user }),
    (error: unknown) => ({ error }),
  );
}

describe('the hostile signed-answer corpus (test/fixtures/hostile-answers)', () => {
  it('is keyed with the emulator development secret and holds every case the issue names', () => {
    expect(emu.secretKey).toBe(DEV_CREDENTIALS.secret_key);
    const names = corpus.map((c) => c.name);
    for (const name of [
      'alg-none',
      'hs256-other-key',
      'rs256-header',
      'es256-header',
      'crit-header',
      'b64-false',
      'json-serialization',
      'payload-not-json',
      'sub-not-json',
      'sub-without-uid',
      'scope-not-list',
      'over-long',
      'expired',
      'not-yet-valid',
      'valid-control',
    ]) {
      expect(names).toContain(name);
    }
    // Issue 9, item 3: each of these was accepted before, or refused for a reason no test could tell apart.
    for (const name of [
      'hs512',
      'missing-exp',
      'exp-infinity',
      'iat-future',
      'duplicate-exp',
      'duplicate-key-nested',
      'data-after-signature',
      'trailing-whitespace',
      'trailing-padding',
      'standard-alphabet',
      'header-alg-whitespace',
      'header-alg-lookalike',
      'header-crit-lookalike',
      'header-duplicate-alg',
    ]) {
      expect(names).toContain(name);
    }
    // Every check of verifySignedAnswer is the expected reason of at least one fixture.
    const reasons = new Set(corpus.map((c) => c.reason));
    for (const reason of [
      'not-a-string',
      'too-long',
      'malformed',
      'header-invalid',
      'algorithm',
      'unsupported-header',
      'signature',
      'payload-invalid',
      'exp-missing',
      'exp-invalid',
      'expired',
      'nbf-invalid',
      'not-yet-valid',
      'iat-invalid',
      'issued-in-future',
      'claims-shape',
    ]) {
      expect(reasons).toContain(reason);
    }
  });

  for (const hostile of corpus) {
    if (hostile.expected === null) {
      it(`accepts ${hostile.name}: ${hostile.description}`, async () => {
        const result = await getUserAnswering(hostile.body);
        expect(result.error).toBeUndefined();
        expect(result.user?.email).toBe('mallory@example.com');
      });
      continue;
    }
    it(`rejects ${hostile.name} (${hostile.description}) with reason ${hostile.reason} and returns no claim`, async () => {
      for (const path of ['/api/user/me/auth/data', '/api/user/me/widget/re-auth/token']) {
        const result = await getUserAnswering(hostile.body, path);
        expect(result.user).toBeUndefined();
        expect(result.error).toBeInstanceOf(InvalidSignedAnswerError);
        expect((result.error as InvalidSignedAnswerError).code).toBe(hostile.expected);
        expect((result.error as InvalidSignedAnswerError).reason).toBe(hostile.reason);
        // The reason, then an explanation in words.
        expect((result.error as Error).message).toMatch(new RegExp(`^The signed answer was rejected \\(${hostile.reason}\\): [\\w"].{9,}`));
        expect((result.error as Error).message).not.toContain('mallory');
      }
    });
  }

  it('getUserData rejects the same forgeries', async () => {
    const forged = corpus.find((c) => c.name === 'hs256-other-key');
    await emu.faults([{ path: '/api/user/me/data', status: 200, body: forged?.body }]);
    await expect(emu.client().getUserData('any-token')).rejects.toMatchObject({ name: 'InvalidSignedAnswerError', reason: 'signature' });
  });

  it('getUserData accepts an answer without exp (me/data carries none), but not a future iat', async () => {
    const user = await emu.client().getUser(await emu.login('alice@example.com'));
    await expect(emu.client().getUserData(user.access_token)).resolves.toHaveProperty('email', 'alice@example.com');
    const future = corpus.find((c) => c.name === 'iat-future');
    await emu.faults([{ path: '/api/user/me/data', status: 200, body: future?.body }]);
    await expect(emu.client().getUserData('any-token')).rejects.toMatchObject({ reason: 'issued-in-future' });
  });

  it('an answer issued after the emulator clock moved is judged on the service clock (its Date header), so it passes', async () => {
    await emu.advance(3601);
    const user = await emu.client().getUser(await emu.login('alice@example.com'));
    expect(user.email).toBe('alice@example.com');
    const moved = await emu.client({ clock: { nowMs: () => Date.now() + 3_601_000 } }).getUser(await emu.login('alice@example.com'));
    expect(moved.email).toBe('alice@example.com');
    expect(() => emu.client({ clock: 5 as never })).toThrow(expect.objectContaining({ option: 'clock' }));
  });

  it('clockTolerance (seconds) lets a just-expired answer through, and no further', async () => {
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const claims = JSON.parse(
      Buffer.from(
        (JSON.parse(corpus.find((c) => c.name === 'valid-control')?.body ?? '""') as string).split('.')[1] ?? '',
        'base64url',
      ).toString(),
    ) as Record<string, unknown>;
    const token = await new SignJWT({ ...claims, exp: now - 20 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(emu.secretKey));
    await emu.faults([{ path: '/api/user/me/auth/data', status: 200, body: JSON.stringify(token) }]);
    await expect(emu.client({ clockTolerance: 60 }).getUser('c')).resolves.toHaveProperty('uid', 'u-mallory');
    await expect(emu.client({ clockTolerance: 5 }).getUser('c')).rejects.toBeInstanceOf(InvalidSignedAnswerError);
  });
});
