import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_CALLBACK_URL } from '../src/index.js';

// Issue 12 item 5: the default callback matches @authlite/next, and is settable without a seed file.
async function redirectOf(emulator: ReturnType<typeof createEmulator>): Promise<string> {
  const org = emulator.orgs[0]!;
  const res = await emulator.fetch(
    new Request(`http://127.0.0.1:8787/widget/login/?org_id=${org.org_id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=erin%40example.com',
    }),
  );
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  return `${location.origin}${location.pathname}`;
}

describe('callback URL', () => {
  it('defaults to the @authlite/next callback route', async () => {
    expect(DEFAULT_CALLBACK_URL).toBe('http://localhost:3000/auth/callback');
    const emulator = createEmulator();
    expect(emulator.orgs[0]?.callback_url).toBe(DEFAULT_CALLBACK_URL);
    expect(await redirectOf(emulator)).toBe(DEFAULT_CALLBACK_URL);
  });

  it('is replaced for the default organisation by the callbackUrl option', async () => {
    const emulator = createEmulator({ callbackUrl: 'https://app.example/login/done' });
    expect(emulator.orgs[0]?.callback_url).toBe('https://app.example/login/done');
    expect(await redirectOf(emulator)).toBe('https://app.example/login/done');
  });

  it('throws a TypeError naming the option for a URL that is not absolute http(s)', () => {
    for (const bad of ['/auth/callback', 'javascript:alert(1)', '']) {
      expect(() => createEmulator({ callbackUrl: bad })).toThrow(/^Invalid emulator seed at callbackUrl: expected/);
    }
  });
});
