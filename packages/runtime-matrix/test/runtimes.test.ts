import { afterAll, describe, expect, it } from 'vitest';
import { startMatrixEmulator } from '../src/launchers/emulator.js';
import { type RuntimeOutcome, summaryLine } from '../src/launchers/run-runtime.js';
import { RUNTIMES } from '../src/launchers/runtimes.js';

const EXPECTED_CHECKS = [
  'browser guard',
  'bad input: typed error, no request',
  'login: getUser(code)',
  'validateAccessToken and getUserData',
  'validateTokenSet: fresh, then expired and refreshed',
  'HTTP errors: typed HttpError',
  'roles: checks from the role cache',
  'function form: createHandle, concurrent validateAccessToken, loadRoles().can',
  'revoke, then TokenSetInvalidError',
  'refresh race: 5, 20, 100 concurrent validateTokenSet, the first cancelled mid-refresh',
  'no key or token in any error',
  'redirects: never followed',
  'never sent: refused, DNS, TLS',
  'secrets sweep: every view of every fault error',
];

/** Runtimes whose fetch errors say what failed (codes, or Deno's error kind); browsers and workerd hide it. */
const TELLS_NEVER_SENT = new Set(['node', 'deno', 'bun', 'edge-runtime']);

const lines: string[] = [];
afterAll(() => {
  console.log(['runtime matrix:', ...lines].join('\n'));
});

describe.sequential('the client scenario in every runtime, against the emulator over HTTP on 127.0.0.1', () => {
  for (const launcher of RUNTIMES) {
    it(`${launcher.id} (${launcher.via})`, async () => {
      const emulator = await startMatrixEmulator();
      const started = Date.now();
      let outcome: RuntimeOutcome = { launcher, ms: 0, pass: false };
      try {
        const report = await launcher.launch(emulator.config);
        outcome = { launcher, report, ms: Date.now() - started, pass: report.ok && report.runtime.name === launcher.id };
        lines.push(summaryLine(outcome));

        // It ran where it says, and every check passed inside the runtime.
        expect(report.runtime.name).toBe(launcher.id);
        expect(report.checks.filter((check) => !check.ok)).toEqual([]);
        expect(report.checks.map((check) => check.name)).toEqual(EXPECTED_CHECKS);

        // The values it saw, asserted again from outside.
        const o = report.observed;
        expect(o.browserGuard).toBe(launcher.browser ? 'refused' : 'allowed');
        if (launcher.browser) expect(o.browserGuardOption).toBe('dangerouslyAllowBrowser');
        expect([o.email, o.uid]).toEqual([emulator.config.user.email, emulator.config.user.uid]);
        expect([o.badInputCode, o.badInputField, o.requestsSentByBadInput]).toEqual(['ERR_INVALID_INPUT', 'code', 0]);
        expect([o.validAfterLogin, o.validAfterExpiry, o.tokenSetStateFresh, o.tokenSetStateExpired]).toEqual([true, false, true, false]);
        expect([o.httpErrorClass, o.httpErrorStatus, o.reusedRefreshStatus]).toEqual(['HttpError', 401, 401]);
        expect([o.adminCanWriteBilling, o.viewerCanWriteBilling, o.editorCanPublish, o.roleCount]).toEqual([true, false, true, 3]);
        expect(o.functionForm).toEqual({
          concurrent: 10,
          allValid: true,
          validateRequests: 1,
          editorCanPublish: true,
          viewerCanWriteBilling: false,
        });
        expect(o.functionFormBrowserGuardOption).toBe(launcher.browser ? 'dangerouslyAllowBrowser' : undefined);
        expect([o.revoked, o.validAfterRevoke, o.tokenSetInvalidCode]).toEqual([true, false, 'ERR_TOKEN_SET_INVALID']);
        expect(o.secretsInErrors).toBe(0);
        expect(o.refreshRace).toEqual(['5: 1 refresh, 4 same pair', '20: 1 refresh, 19 same pair', '100: 1 refresh, 99 same pair']);

        // Issue 9: redirects refused (5 statuses x read, refresh, write), nothing reached the decoy.
        const decoyOrigin = new URL(emulator.config.decoyUrl).origin;
        const expectedRedirects = [301, 302, 303, 307, 308].flatMap((status) =>
          ['read', 'refresh', 'write'].map((kind) =>
            launcher.browser
              ? `${status} ${kind}: RedirectError status=undefined origin=undefined`
              : `${status} ${kind}: RedirectError status=${status} origin=${decoyOrigin}`,
          ),
        );
        expect(o.redirects).toEqual(expectedRedirects);
        expect(emulator.decoyRequests()).toBe(0);
        // A refresh that never left: a NetworkError where the runtime tells, "outcome unknown" where it hides the cause.
        const told = TELLS_NEVER_SENT.has(launcher.id) ? 'never-sent' : 'outcome-unknown';
        expect(o.neverSent).toEqual({ refused: told, dns: told, tls: told });
        // The secrets sweep: message, stack, cause chain, own properties, JSON and inspect of every fault error.
        expect([o.sweptErrors, o.secretsInSweep]).toEqual([10, []]);

        // The emulator saw the runtime's calls over real HTTP.
        const log = (await (await fetch(`${emulator.config.baseUrl}/__emulator/requests`)).json()) as {
          method: string;
          path: string;
          status: number;
        }[];
        const seen = new Set(log.map((entry) => `${entry.method} ${entry.path.replace(/\/$/, '')} ${entry.status}`));
        for (const call of [
          'GET /api/user/me/auth/data 200',
          'GET /api/user/me/auth/data 401',
          'GET /api/user/me/auth/validate/token 200',
          'GET /api/user/me/auth/validate/token 401',
          'GET /api/user/me/data 200',
          'GET /api/user/me/access/token 200',
          'GET /api/user/me/access/token 401',
          'GET /rbac/role 200',
          'DELETE /api/user/me/token 200',
        ]) {
          expect(seen, call).toContain(call);
        }
        // One role list per role cache: the client's and the function form's handle's.
        expect(log.filter((entry) => entry.path === '/rbac/role')).toHaveLength(2);
      } catch (error) {
        if (!outcome.report) lines.push(summaryLine({ ...outcome, error: (error as Error).message, ms: Date.now() - started }));
        throw error;
      } finally {
        await emulator.stop();
      }
    });
  }
});
