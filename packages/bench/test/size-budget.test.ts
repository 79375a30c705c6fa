import { describe, expect, it } from 'vitest';
import { BUDGET, MAX_CEILING_OVER_BUDGET, SIZE_CEILINGS } from '../src/budget.js';
import type { BundleResult } from '../src/size/bundle.js';
import {
  nextOverCoreEntry,
  nextOwnCodeEntry,
  ONE_ERROR_CLASS_ENTRY,
  packageEntry,
  type SizeEntry,
  SUPABASE_ENTRY,
  TRUSTAUTHX_ENTRY,
  WORKER_CLASS_ENTRY,
  WORKER_ENTRY,
} from '../src/size/entries.js';
import { measureEntry } from '../src/size/measure.js';
import { publishedPackages } from '../src/size/workspace.js';

// Size-limit style checks: esbuild (pinned) bundles for the worker target, minified, gzip -9.
// Deterministic, so asserted here; timings are only reported by `pnpm bench`.

function gzipOf(result: BundleResult): number {
  if (!result.ok) throw new Error(`expected a bundle, got: ${result.error}`);
  return result.size.gzip;
}

function workspacePackage(name: string) {
  const pkg = publishedPackages().find((candidate) => candidate.name === name);
  if (!pkg) throw new Error(`${name} is not among the published packages`);
  return pkg;
}

describe('bundle size (worker target, minified, gzip -9)', () => {
  it(`@authlite/core with all its dependencies stays within its ceiling of ${SIZE_CEILINGS.coreGzipBytes} B`, async () => {
    const result = await measureEntry(packageEntry(workspacePackage('@authlite/core')));
    const gzip = gzipOf(result);
    expect(gzip).toBeGreaterThan(5_000); // a real bundle: core, ky, jose and valibot
    expect(gzip).toBeLessThanOrEqual(SIZE_CEILINGS.coreGzipBytes);
    // The budget is tracked by `pnpm bench`; the ceiling never exceeds 1.375x of it.
    expect(SIZE_CEILINGS.coreGzipBytes).toBeLessThanOrEqual(BUDGET.coreGzipBytes * MAX_CEILING_OVER_BUDGET);
  });

  it(`the Worker entry (function form) stays within ${SIZE_CEILINGS.workerEntryGzipBytes} B and never pulls in a Node built-in`, async () => {
    const result = await measureEntry(WORKER_ENTRY);
    expect(result.ok && result.code).not.toMatch(/from\s*["']node:/);
    expect(gzipOf(result)).toBeGreaterThan(5_000); // a real bundle: core's transport, ky, jose and valibot
    expect(gzipOf(result)).toBeLessThanOrEqual(SIZE_CEILINGS.workerEntryGzipBytes);
    // A ceiling until the budget is met, never above the 24 KiB of the class form's days.
    expect(SIZE_CEILINGS.workerEntryGzipBytes).toBeLessThanOrEqual(24 * 1024);
  });

  it('the Worker entry in the function form is smaller than the same Worker in the class form', async () => {
    const functions = gzipOf(await measureEntry(WORKER_ENTRY));
    const klass = gzipOf(await measureEntry(WORKER_CLASS_ENTRY));
    expect(functions).toBeLessThan(klass * 0.8);
  });

  // What a Worker that only validates tokens and checks permissions must not carry, each known by
  // a string found only in that code. Each marker is also shown present once its function is
  // imported, so an absence means the code was dropped, not that the marker is wrong.
  describe.each([
    { code: "jose's compactVerify (signed-answer verification)", marker: 'Invalid Compact JWS', importing: 'getUser' },
    { code: 'the user claims schema', marker: 'refresh_exp', importing: 'getUser' },
    { code: 'the user data check', marker: 'claims do not match the user shape', importing: 'getUserData' },
    { code: 'the refresh endpoint', marker: '/api/user/me/access/token/', importing: 'getAccessTokenFromRefreshToken' },
    { code: 'the rotation record (refresh token digests)', marker: 'subtle.digest(', importing: 'getAccessTokenFromRefreshToken' },
    { code: 'the role writes (permission endpoints)', marker: '"/rbac/permission"', importing: 'addPermission' },
    { code: 'the role assignment', marker: '/rbac/assign/permission', importing: 'attachRole' },
  ])('the function-form Worker entry leaves out $code', ({ marker, importing }) => {
    it(`has no ${JSON.stringify(marker)}`, async () => {
      const result = await measureEntry(WORKER_ENTRY);
      expect(result.ok && result.code).not.toContain(marker);
    });

    it(`has it once ${importing} is imported too`, async () => {
      const withIt: SizeEntry = { ...WORKER_ENTRY, contents: `export { ${importing} } from '@authlite/core';\n${WORKER_ENTRY.contents}` };
      const result = await measureEntry(withIt);
      expect(result.ok && result.code).toContain(marker);
    });
  });

  it(`importing only HttpError from @authlite/core costs at most ${BUDGET.oneErrorClassGzipBytes} B (schemas, client and dependencies dropped)`, async () => {
    const result = await measureEntry(ONE_ERROR_CLASS_ENTRY);
    expect(result.ok && result.code).toMatch(/TrustAuthX answered/); // the class itself is there
    expect(result.ok && result.code).not.toMatch(/a non-empty string|~standard/); // no valibot schema survives
    expect(gzipOf(result)).toBeLessThanOrEqual(BUDGET.oneErrorClassGzipBytes);
  });

  it(`@authlite/next's own code (the adapter, session layer left out) costs at most ${BUDGET.nextGzipBytes} B`, async () => {
    const result = await measureEntry(nextOwnCodeEntry(workspacePackage('@authlite/next')));
    expect(result.ok && result.code).toMatch(/from\s*"@authlite\/session"/); // the session layer left out, not bundled
    expect(result.ok && result.code).toMatch(/from\s*"next\/server(\.js)?"/); // and next
    expect(gzipOf(result)).toBeGreaterThan(300);
    expect(gzipOf(result)).toBeLessThanOrEqual(BUDGET.nextGzipBytes);
  });

  it(`@authlite/next with @authlite/session (what a Next.js app adds over core) stays within ${SIZE_CEILINGS.nextWithSessionGzipBytes} B`, async () => {
    const result = await measureEntry(nextOverCoreEntry(workspacePackage('@authlite/next')));
    expect(result.ok && result.code).not.toMatch(/from\s*"@authlite\/session"/); // the session layer bundled in
    expect(gzipOf(result)).toBeLessThanOrEqual(SIZE_CEILINGS.nextWithSessionGzipBytes);
  });

  it(`@authlite/store-memory stays within ${SIZE_CEILINGS.storeMemoryGzipBytes} B`, async () => {
    expect(gzipOf(await measureEntry(packageEntry(workspacePackage('@authlite/store-memory'))))).toBeLessThanOrEqual(
      SIZE_CEILINGS.storeMemoryGzipBytes,
    );
  });

  // Core was smaller until signatures went back to jose (the design's rule: jose for every JWS) on top of
  // issue 9's strict checks and issue 10's clocks; then issue 10's shared grace hook (+306 B), Retry-After on the
  // service clock (+114 B) and issue 13's unknown-key checks on method options (+86 B) took it to 1.054x.
  // A regression ceiling, not the budget: issue 15's 19.5 KB line stays the target.
  it('@authlite/core stays within 1.06x of the @supabase/auth-js AuthClient bundled the same way', async () => {
    const core = gzipOf(await measureEntry(packageEntry(workspacePackage('@authlite/core'))));
    const supabase = gzipOf(await measureEntry(SUPABASE_ENTRY));
    expect(supabase).toBeGreaterThan(10_000);
    expect(core).toBeLessThan(supabase * 1.06);
  });

  it("the vendor's trustauthx package does not bundle for a worker target (it needs Node built-ins)", async () => {
    const result = await measureEntry(TRUSTAUTHX_ENTRY);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Could not resolve "(buffer|crypto|util|stream)"/);
  });
});
