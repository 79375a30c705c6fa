import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

// Issue 9, item 1: the edit-profile URL carries the organisation's api_key and its
// never-expiring signed_key. It is built only with an opt-in whose name states the danger.
const emu = useEmulator();

describe('generateEditUserUrl needs { dangerouslyExposeOrgCredentials: true }', () => {
  const refusals: [string, unknown][] = [
    ['no options', undefined],
    ['an empty object', {}],
    ['false', { dangerouslyExposeOrgCredentials: false }],
    ['the string "true"', { dangerouslyExposeOrgCredentials: 'true' }],
    ['1', { dangerouslyExposeOrgCredentials: 1 }],
    ['null', null],
  ];
  for (const [name, options] of refusals) {
    it(`refuses with ${name}: ConfigurationError on the option, before anything else, naming no credential`, async () => {
      const client = emu.client();
      // Even a bad token and callback meet the refusal first: no URL is built.
      for (const [token, callback] of [
        ['token', 'https://app.example/cb'],
        ['', 'ftp://x'],
      ]) {
        const error = await client.generateEditUserUrl(token as string, callback as string, options as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as ConfigurationError).option).toBe('dangerouslyExposeOrgCredentials');
        expect((error as Error).message).toContain('signed_key');
        expect(JSON.stringify(error) + String(error)).not.toContain(emu.apiKey);
      }
    });
  }

  it('builds the URL with the opt-in, and it carries exactly what the docs say leaks', async () => {
    const user = await emu.client().getUser(await emu.login('alice@example.com'));
    const url = new URL(
      await emu.client().generateEditUserUrl(user.access_token, 'https://app.example/cb', { dangerouslyExposeOrgCredentials: true }),
    );
    expect(url.searchParams.get('api_key')).toBe(emu.apiKey);
    const signedKey = url.searchParams.get('signed_key') ?? '';
    expect(signedKey.split('.')).toHaveLength(3);
    // The signed key of the wire contract: header {"alg":"HS256","typ":"JWT"}, payload {"api_key": ...}.
    const [header, payload] = signedKey
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown);
    expect([header, payload]).toEqual([{ alg: 'HS256', typ: 'JWT' }, { api_key: emu.apiKey }]);
    expect(url.searchParams.get('AccessToken')).toBe(user.access_token);
    expect((await emu.requests()).filter((r) => r.path.includes('settings'))).toHaveLength(0);
  });
});
