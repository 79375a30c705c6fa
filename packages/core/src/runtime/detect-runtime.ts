/**
 * The JavaScript runtimes `@authlite/core` tells apart. `'unknown'` is anything else, for
 * example a browser's Web Worker (no `document`) or React Native.
 */
export type RuntimeName = 'node' | 'deno' | 'bun' | 'workerd' | 'edge-runtime' | 'browser' | 'unknown';

type Scope = Record<string, unknown>;

function isObject(value: unknown): value is Scope {
  return typeof value === 'object' && value !== null;
}

/**
 * Which runtime this code runs in, read from the globals of `scope` (default `globalThis`).
 * Server runtimes are recognised first, each by a global only it defines: `Deno`, `Bun`,
 * `EdgeRuntime` (Vercel Edge Runtime and Next.js middleware), `navigator.userAgent ===
 * "Cloudflare-Workers"` or `WebSocketPair` (workerd), `process.versions.node` (Node, also
 * under jsdom or happy-dom). Only then does a `window` and a `document` make it a browser.
 * Globals are read through `scope`, never named directly, so bundlers see no Node API use.
 */
export function detectRuntime(scope: object = globalThis): RuntimeName {
  const g = scope as Scope;
  if (isObject(g['Deno']) && isObject(g['Deno']['version'])) return 'deno';
  if (isObject(g['Bun']) || typeof g['Bun'] === 'function') return 'bun';
  if (typeof g['EdgeRuntime'] === 'string') return 'edge-runtime';
  const navigator = g['navigator'];
  if ((isObject(navigator) && navigator['userAgent'] === 'Cloudflare-Workers') || typeof g['WebSocketPair'] === 'function') {
    return 'workerd';
  }
  const process = g['process'];
  if (isObject(process) && isObject(process['versions']) && typeof process['versions']['node'] === 'string') return 'node';
  if (isObject(g['window']) && isObject(g['document'])) return 'browser';
  return 'unknown';
}

/**
 * Is this a browser page, where a secret key would be readable by every visitor? True only
 * with a `window` and a `document` and no server runtime (see {@link detectRuntime}):
 * Workers, Deno, Bun, Node and the Edge Runtime are never a browser, whatever globals a
 * test or a polyfill adds.
 */
export function isBrowserRuntime(scope: object = globalThis): boolean {
  return detectRuntime(scope) === 'browser';
}
