import { hostname } from 'node:os';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthLiteClient, ConfigurationError } from '../src/index.js';

// Issue 12 item 5: plain http to a non-loopback host (the emulator in another container,
// `http://emulator:8787`) needs an explicit, named opt-in; without it it is still refused.
const base = { apiKey: 'k'.repeat(40), secretKey: 's'.repeat(64) };

function configurationError(options: Record<string, unknown>): ConfigurationError {
  try {
    new AuthLiteClient({ ...base, ...options } as never);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('allowInsecureHttp', () => {
  it('is off by default: plain http to a non-loopback host is refused, naming the option to use', () => {
    for (const [option, url] of [
      ['baseUrl', 'http://emulator:8787'],
      ['widgetUrl', 'http://emulator:8787/widget/login/'],
      ['baseUrl', 'http://localhost.evil.example'],
    ] as const) {
      const error = configurationError({ [option]: url });
      expect(error.option).toBe(option);
      expect(error.message).toBe(
        `Invalid option "${option}": expected an https URL (http only on loopback, or with allowInsecureHttp: true)`,
      );
      expect(configurationError({ [option]: url, allowInsecureHttp: false }).option).toBe(option);
    }
  });

  it('allows plain http to any host when true, and still refuses other schemes', () => {
    expect(
      () =>
        new AuthLiteClient({
          ...base,
          baseUrl: 'http://emulator:8787',
          widgetUrl: 'http://emulator:8787/widget/login/',
          allowInsecureHttp: true,
        }),
    ).not.toThrow();
    const ftp = configurationError({ baseUrl: 'ftp://emulator/', allowInsecureHttp: true });
    expect(ftp.option).toBe('baseUrl');
    expect(ftp.message).toBe('Invalid option "baseUrl": expected an http(s) URL');
  });

  it('must be a boolean', () => {
    expect(configurationError({ baseUrl: 'http://emulator:8787', allowInsecureHttp: 'yes' }).option).toBe('allowInsecureHttp');
  });

  describe('against an emulator reached by a non-loopback host name', () => {
    // The machine's own name resolves locally (here through /etc/hosts) but is not a loopback
    // name; the emulator listens on every interface and allows that name, as in a compose file.
    const name = hostname();
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, host: '0.0.0.0', allowedHosts: [name] });
    });
    afterAll(() => emulator.stop());

    it('sends the request over plain http once allowed', async () => {
      const port = new URL(emulator.url).port;
      const options = {
        apiKey: emulator.api_key,
        secretKey: emulator.secret_key,
        orgId: emulator.org_id,
        baseUrl: `http://${name}:${port}`,
      };
      expect(configurationError(options).option).toBe('baseUrl');
      const client = new AuthLiteClient({ ...options, allowInsecureHttp: true });
      expect(await client.roles.countRoles()).toBe(3);
      const log = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { method: string; path: string; status: number }[];
      expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(['GET /rbac/role 200']);
    });
  });
});
