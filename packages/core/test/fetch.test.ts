import { afterEach, describe, expect, it } from 'vitest';
import { useEmulator } from './emulator.js';

const realFetch = globalThis.fetch;
const emu = useEmulator({ resetEach: false });
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('fetch', () => {
  it('the default is looked up at call time and called with globalThis as receiver', async () => {
    const client = emu.client();
    const receivers: unknown[] = [];
    // Like workerd: fetch refuses any receiver but globalThis ("Illegal invocation").
    globalThis.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      receivers.push(this);
      if (this !== globalThis) throw new TypeError('Illegal invocation');
      return realFetch(input, init);
    } as typeof fetch;
    expect(await client.validateAccessToken('unknown-token')).toBe(false);
    expect(receivers.length).toBe(1);
    expect(receivers[0]).toBe(globalThis);
  });

  it('a fetch given in the options is the one used', async () => {
    const seen: string[] = [];
    const client = emu.client({
      fetch: (input, init) => {
        seen.push(new Request(input, init).method);
        return realFetch(input, init);
      },
    });
    expect(await client.roles.countRoles()).toBe(3);
    expect(seen).toEqual(['GET']);
  });
});
