import type { WorkspacePackage } from './workspace.js';

/** A module to bundle and where its imports resolve from. */
export interface SizeEntry {
  label: string;
  contents: string;
  /** `"bench"`: resolve from the bench package; else an absolute directory. */
  resolveFrom: 'bench' | string;
  /** Packages left out of the bundle (and their subpaths). */
  external?: string[];
}

/**
 * A whole package: everything its `.` export exports, with all its dependencies. Peer
 * dependencies (such as `next`) are the app's and are left out, except `@authlite/core`,
 * which an app adds for the package.
 */
export function packageEntry(pkg: WorkspacePackage): SizeEntry {
  const external = pkg.peers.filter((peer) => peer !== '@authlite/core').flatMap((peer) => [peer, `${peer}/*`]);
  return {
    label: pkg.name,
    contents: `export * from ${JSON.stringify(pkg.entry)};`,
    resolveFrom: pkg.dir,
    ...(external.length > 0 ? { external } : {}),
  };
}

/**
 * What a Cloudflare Worker (or any fetch handler) imports and runs on every request, in the
 * function form: a handle (`createHandle`), a token check (`validateAccessToken`) and a
 * permission check (`loadRoles(...).can`). Tree-shaken to what that uses. The budget's line.
 */
export const WORKER_ENTRY: SizeEntry = {
  label: 'Worker entry',
  resolveFrom: 'bench',
  contents: `
import { createHandle, loadRoles, validateAccessToken } from '@authlite/core';
let auth;
export default {
  async fetch(request, env) {
    auth ??= createHandle({ apiKey: env.TRUSTAUTHX_API_KEY, secretKey: env.TRUSTAUTHX_SECRET_KEY, orgId: env.TRUSTAUTHX_ORG_ID });
    const token = request.headers.get('authorization')?.slice(7) ?? '';
    if (!(await validateAccessToken(auth, token))) return new Response('unauthorised', { status: 401 });
    const roles = await loadRoles(auth);
    return new Response(roles.can(env.ROLE_ID, 'reports', 'read') ? 'ok' : 'forbidden');
  },
};
`,
};

/**
 * The same Worker in the class form (`new AuthLiteClient`, `client.validateAccessToken`,
 * `client.roles.load()`): a class keeps every method, so this is most of core. A reference
 * row, without a budget line.
 */
export const WORKER_CLASS_ENTRY: SizeEntry = {
  label: 'Worker entry, class form',
  resolveFrom: 'bench',
  contents: `
import { AuthLiteClient } from '@authlite/core';
let client;
export default {
  async fetch(request, env) {
    client ??= new AuthLiteClient({ apiKey: env.TRUSTAUTHX_API_KEY, secretKey: env.TRUSTAUTHX_SECRET_KEY, orgId: env.TRUSTAUTHX_ORG_ID });
    const token = request.headers.get('authorization')?.slice(7) ?? '';
    if (!(await client.validateAccessToken(token))) return new Response('unauthorised', { status: 401 });
    const roles = await client.roles.load();
    return new Response(roles.can(env.ROLE_ID, 'reports', 'read') ? 'ok' : 'forbidden');
  },
};
`,
};

/**
 * What a Next.js `middleware.ts` imports when `@authlite/next` is in the workspace: the
 * client and `createAuthLite` (proxy, route handlers, getSession), with `next` itself left out (the app's).
 */
export function nextMiddlewareEntry(next: WorkspacePackage): SizeEntry {
  return {
    label: 'Next.js middleware entry',
    resolveFrom: next.dir,
    contents: `export { AuthLiteClient } from '@authlite/core'; export { createAuthLite } from ${JSON.stringify(next.entry)};`,
    external: ['next', 'next/*'],
  };
}

/** Importing only one error class from `@authlite/core`: what a module that only tells errors apart pays. */
export const ONE_ERROR_CLASS_ENTRY: SizeEntry = {
  label: '@authlite/core, only HttpError imported',
  resolveFrom: 'bench',
  contents: `export { HttpError } from '@authlite/core';`,
};

/**
 * `@authlite/next`'s own code: the adapter package's whole entry with `@authlite/core`, `next`
 * and the framework-neutral session layer (`@authlite/session`, shared with `@authlite/hono`)
 * left out. The budget line of issue 15 ("the Next.js adapter adds little over core").
 */
export function nextOwnCodeEntry(next: WorkspacePackage): SizeEntry {
  return {
    label: "@authlite/next's own code",
    resolveFrom: next.dir,
    contents: `export * from ${JSON.stringify(next.entry)};`,
    external: ['next', 'next/*', '@authlite/core', '@authlite/core/*', '@authlite/session', '@authlite/session/*'],
  };
}

/** What a Next.js app adds over core: `@authlite/next` with the session layer it depends on (`@authlite/core` and `next` left out). */
export function nextOverCoreEntry(next: WorkspacePackage): SizeEntry {
  return {
    label: '@authlite/next + @authlite/session',
    resolveFrom: next.dir,
    contents: `export * from ${JSON.stringify(next.entry)};`,
    external: ['next', 'next/*', '@authlite/core', '@authlite/core/*'],
  };
}

/** Baseline: Supabase's auth client, as an app imports it. */
export const SUPABASE_ENTRY: SizeEntry = {
  label: '@supabase/auth-js AuthClient',
  resolveFrom: 'bench',
  contents: `export { AuthClient } from '@supabase/auth-js';`,
};

/** Baseline: the vendor's own TypeScript client. */
export const TRUSTAUTHX_ENTRY: SizeEntry = {
  label: 'trustauthx (vendor npm package)',
  resolveFrom: 'bench',
  contents: `export * from 'trustauthx';`,
};

/** Reference: the floor set by the two libraries the house rules require, imported as core imports them. */
export const DEPS_FLOOR_ENTRY: SizeEntry = {
  label: 'ky + jose, as core imports them',
  resolveFrom: 'bench',
  contents: `export { default as ky, isHTTPError, isTimeoutError } from 'ky'; export { base64url, compactVerify, CompactSign } from 'jose';`,
};
