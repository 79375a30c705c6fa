// Core's browser detection and the secretKey guard, from Node. The real browser (Chromium)
// and the real server runtimes are in runtimes.test.ts; here every combination of globals.
import { AuthLiteClient, type ConfigurationError } from '@authlite/core';
import { detectRuntime, isBrowserRuntime } from '@authlite/core/runtime';
import { DEV_CREDENTIALS } from '@authlite/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Not exported by @authlite/core's entry point: core's unbundled build (dist-internal/), with the error
// class of that same module graph (the published entry bundles its own copy).
import { ConfigurationError as InternalConfigurationError } from '../../core/dist-internal/errors/authlite-error.js';
import { assertSecretKeyAllowedHere } from '../../core/dist-internal/runtime/browser-guard.js';

const page = { window: {}, document: {} };
const servers: Record<string, object> = {
  deno: { Deno: { version: { deno: '2.9.6' } } },
  bun: { Bun: { version: '1.4.5' } },
  'edge-runtime': { EdgeRuntime: 'edge-runtime' },
  workerd: { navigator: { userAgent: 'Cloudflare-Workers' } },
  node: { process: { versions: { node: '20.20.2' } } },
};
const options = { apiKey: DEV_CREDENTIALS.api_key, secretKey: DEV_CREDENTIALS.secret_key, orgId: DEV_CREDENTIALS.org_id };

describe('detectRuntime', () => {
  it('names a page with a window and a document a browser, and nothing less', () => {
    expect(detectRuntime(page)).toBe('browser');
    expect(detectRuntime({ window: {} })).toBe('unknown');
    expect(detectRuntime({ document: {} })).toBe('unknown');
    expect(detectRuntime({})).toBe('unknown');
    expect(detectRuntime({ self: {}, navigator: { userAgent: 'Mozilla/5.0 Chrome/156' } })).toBe('unknown'); // a Web Worker
  });

  it('names each server runtime by its own global, even with a window and a document beside it', () => {
    for (const [name, globals] of Object.entries(servers)) {
      expect(detectRuntime(globals)).toBe(name);
      expect(detectRuntime({ ...page, ...globals })).toBe(name);
      expect(isBrowserRuntime({ ...page, ...globals })).toBe(false);
    }
    expect(detectRuntime({ ...page, WebSocketPair: function WebSocketPair() {} })).toBe('workerd');
  });

  it('never takes a scope with any server marker for a browser (property)', () => {
    const marker = fc.constantFrom(...Object.values(servers));
    const extra = fc.dictionary(fc.constantFrom('window', 'document', 'navigator', 'self', 'location', 'process'), fc.constant({}));
    fc.assert(
      fc.property(marker, extra, (server, globals) => {
        expect(isBrowserRuntime({ ...page, ...globals, ...server })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('says node for this very process, also under jsdom-like globals', () => {
    expect(detectRuntime()).toBe('node');
    expect(detectRuntime(Object.assign(Object.create(globalThis) as object, page))).toBe('node');
  });
});

describe('the secretKey guard', () => {
  it('refuses a browser scope without the opt-in, with a typed error naming the option and no secret', () => {
    let thrown: unknown;
    try {
      assertSecretKeyAllowedHere(undefined, page);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InternalConfigurationError);
    const error = thrown as ConfigurationError;
    expect([error.code, error.option]).toEqual(['ERR_CONFIGURATION', 'dangerouslyAllowBrowser']);
    expect(error.message).toContain('dangerouslyAllowBrowser: true');
    expect(() => assertSecretKeyAllowedHere(false, page)).toThrow(InternalConfigurationError);
    expect(assertSecretKeyAllowedHere(true, page)).toBeUndefined();
    for (const globals of Object.values(servers)) expect(assertSecretKeyAllowedHere(undefined, { ...page, ...globals })).toBeUndefined();
  });

  it('lets Node construct the client even with a stub window and document on globalThis', () => {
    const g = globalThis as Record<string, unknown>;
    g['window'] = globalThis;
    g['document'] = {};
    try {
      const client = new AuthLiteClient(options);
      expect(client.generateUrl()).toBe(`https://app.trustauthx.com/widget/login/?org_id=${DEV_CREDENTIALS.org_id}`);
    } finally {
      delete g['window'];
      delete g['document'];
    }
  });

  it('validates the option itself: a non-boolean is a ConfigurationError naming it', () => {
    const bad = { ...options, dangerouslyAllowBrowser: 'yes' } as unknown as ConstructorParameters<typeof AuthLiteClient>[0];
    expect(() => new AuthLiteClient(bad)).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIGURATION', option: 'dangerouslyAllowBrowser' }),
    );
    expect(new AuthLiteClient({ ...options, dangerouslyAllowBrowser: false }).generateUrl()).toContain(DEV_CREDENTIALS.org_id);
  });
});
