import { describe, expect, it } from 'vitest';
import { createHostPolicy, hostnameOfHostHeader, isHostAllowed } from '../src/guard/host-policy.js';
import { createEmulator } from '../src/index.js';

// Issue 9 item 6: which Host names reach the emulator, for a socket on one address, on every
// interface, and for the bare fetch handler (Deno.serve, Bun.serve, Workers).
describe('host policy', () => {
  it('on one address: that address, loopback names and allowed names only', () => {
    const policy = createHostPolicy({ boundHost: '192.168.1.20', allowedHosts: ['Emulator.'] });
    for (const name of ['192.168.1.20', 'localhost', 'LocalHost.', 'a.localhost', '127.0.0.1', '127.9.9.9', '[::1]', 'emulator']) {
      expect(isHostAllowed(name, policy), name).toBe(true);
    }
    for (const name of ['10.0.0.1', 'evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'emulator.evil.example', '']) {
      expect(isHostAllowed(name, policy), name).toBe(false);
    }
  });

  it('on every interface: also any IP literal, but still no unlisted name', () => {
    for (const boundHost of ['0.0.0.0', '::', '[::]']) {
      const policy = createHostPolicy({ boundHost });
      expect(isHostAllowed('10.0.0.1', policy)).toBe(true);
      expect(isHostAllowed('[fd00::1]', policy)).toBe(true);
      expect(isHostAllowed('evil.example', policy)).toBe(false);
    }
  });

  it('reads the host name of a Host header, and nothing from a malformed one', () => {
    expect(hostnameOfHostHeader('localhost:8787')).toBe('localhost');
    expect(hostnameOfHostHeader('[::1]:8787')).toBe('[::1]');
    for (const bad of ['user@localhost', 'localhost/path', 'a b', 'localhost:99999', '']) {
      expect(hostnameOfHostHeader(bad), bad).toBeUndefined();
    }
  });

  it("createEmulator without listenHost judges the request URL's host: loopback, IP literals, allowedHosts", async () => {
    const plain = createEmulator();
    const status = async (url: string, emulator = plain) => (await emulator.fetch(new Request(url))).status;
    expect(await status('http://127.0.0.1:8787/__emulator/requests')).toBe(200);
    expect(await status('http://10.0.0.7:8787/__emulator/requests')).toBe(200);
    expect(await status('http://evil.example:8787/__emulator/requests')).toBe(403);
    expect(await status('http://emulator.test/__emulator/requests', createEmulator({ allowedHosts: ['emulator.test'] }))).toBe(200);
  });
});
