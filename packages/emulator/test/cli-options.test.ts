import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, startCli } from './cli-process.js';
import { rawRequest } from './raw-http.js';

// Issue 9 item 6 (--host 0.0.0.0 warns and prints a URL that works) and issue 12 item 5
// (--callback-url, --allowed-host for http://emulator:8787 in a compose file).
function exitWith(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args]);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.once('exit', (code) => r({ code, stderr })));
}

async function widgetRedirect(url: string, orgId: string): Promise<string> {
  const res = await fetch(`${url}/widget/login/?org_id=${orgId}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'carol@example.com' }).toString(),
  });
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  return `${location.origin}${location.pathname}`;
}

describe('CLI --host 0.0.0.0', () => {
  it('warns on stderr before the JSON line, prints a loopback URL that works, and refuses unknown names', async () => {
    const { info, stderrBefore } = await startCli(['--port', '0', '--host', '0.0.0.0', '--allowed-host', 'emulator']);
    expect(stderrBefore).toMatch(/^warning: listening on every interface \(0\.0\.0\.0\)/);
    expect(stderrBefore).toContain(`From this machine use ${info['url']}`);
    expect(stderrBefore).toContain('allowed: emulator');
    expect(info['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info['widget_url']).toBe(`${info['url']}/widget/login/`);
    const ok = await fetch(`${info['url']}/__emulator/requests`);
    expect(ok.status).toBe(200);
    const port = new URL(info['url']!).port;
    // Another container reaches it by its service name or an IP address; a rebound name is refused.
    expect((await rawRequest(info['url']!, { path: '/__emulator/requests', headers: { host: `emulator:${port}` } })).status).toBe(200);
    expect((await rawRequest(info['url']!, { path: '/__emulator/requests', headers: { host: `172.18.0.3:${port}` } })).status).toBe(200);
    expect((await rawRequest(info['url']!, { path: '/__emulator/requests', headers: { host: `evil.example:${port}` } })).status).toBe(403);
  });

  it('prints no warning on the default loopback host', async () => {
    const { stderrBefore } = await startCli(['--port', '0']);
    expect(stderrBefore).toBe('');
  });
});

describe('CLI --callback-url', () => {
  it('defaults to http://localhost:3000/auth/callback, the @authlite/next login route', async () => {
    const { info } = await startCli(['--port', '0']);
    expect(await widgetRedirect(info['url']!, info['org_id']!)).toBe('http://localhost:3000/auth/callback');
  });

  it("sends the widget's redirect to the given URL, with no seed file", async () => {
    const { info } = await startCli(['--port', '0', '--callback-url', 'http://app:3000/custom/callback']);
    expect(await widgetRedirect(info['url']!, info['org_id']!)).toBe('http://app:3000/custom/callback');
  });

  it('exits 2 with a message for a URL that is not absolute http(s)', async () => {
    for (const bad of ['/auth/callback', 'ftp://x/cb', 'not a url']) {
      const { code, stderr } = await exitWith(['--port', '0', '--callback-url', bad]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^--callback-url must be an absolute http\(s\) URL/);
    }
  });
});
