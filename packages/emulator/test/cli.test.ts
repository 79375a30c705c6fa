import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, DEV_CREDENTIALS } from '../src/index.js';
import { CLI, startCli } from './cli-process.js';
import { signKey } from './helpers.js';

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

/** Polls until `check` holds; no bound of its own (the test's timeout is the bound). */
async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

describe('CLI', () => {
  it('prints one JSON line, logs requests without query strings, stops on SIGTERM', async () => {
    const { child, info, stderr } = await startCli(['--port', '0']);
    expect(Object.keys(info)).toEqual(['url', 'org_id', 'api_key', 'secret_key', 'widget_url']);
    expect(info['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info['widget_url']).toBe(`${info['url']}/widget/login/`);
    expect(info).toMatchObject(DEV_CREDENTIALS);

    const sk = await signKey(info['api_key']!, info['secret_key']!);
    const token = 'some-secret-access-token';
    const q = new URLSearchParams({ api_key: info['api_key']!, signed_key: sk, AccessToken: token });
    const res = await fetch(`${info['url']}/api/user/me/auth/validate/token?${q}`);
    expect(res.status).toBe(401);
    const roles = await fetch(
      `${info['url']}/rbac/role?${new URLSearchParams({ api_key: info['api_key']!, signed_key: sk, org_id: info['org_id']! })}`,
    );
    expect(roles.status).toBe(200);

    await waitFor(() => stderr().split('\n').filter(Boolean).length >= 2);
    const lines = stderr().split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^GET \/api\/user\/me\/auth\/validate\/token 401 \d+ms$/);
    expect(lines[1]).toMatch(/^GET \/rbac\/role 200 \d+ms$/);
    for (const secret of ['?', token, sk, info['api_key']!, info['org_id']!, info['secret_key']!]) {
      expect(stderr()).not.toContain(secret);
    }

    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('loads a seed file with --seed and stops on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authlite-emulator-'));
    const file = join(dir, 'seed.json');
    const org = {
      ...DEFAULT_SEED.organisations[0]!,
      org_id: 'ab'.repeat(32),
      api_key: `${'cd'.repeat(16)}SEEDFILEORGKEYSXXXXX`,
      secret_key: 'ef'.repeat(32),
    };
    writeFileSync(file, JSON.stringify({ organisations: [org] }));
    const { child, info } = await startCli(['--port', '0', '--seed', file]);
    expect(info).toMatchObject({ org_id: org.org_id, api_key: org.api_key, secret_key: org.secret_key });
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
  });

  it('exits 1 with a message for an invalid seed file, 2 for a bad port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authlite-emulator-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ organisations: [{ org_id: 'nope' }] }));
    const bad = spawn(process.execPath, [CLI, '--port', '0', '--seed', file]);
    let err = '';
    bad.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await new Promise((r) => bad.once('exit', r))).toBe(1);
    expect(err).toMatch(/^cannot load seed file: Invalid emulator seed at \$\.organisations\[0\]/);
    const port = spawn(process.execPath, [CLI, '--port', 'x']);
    expect(await new Promise((r) => port.once('exit', r))).toBe(2);
  });
});
