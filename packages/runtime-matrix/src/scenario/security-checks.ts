import {
  AuthLiteClient,
  type AuthLiteClientOptions,
  AuthLiteError,
  NetworkError,
  RedirectError,
  RefreshOutcomeUnknownError,
} from '@authlite/core';
import { CheckFailure, expect, exposedText, thrownBy } from './checks.js';
import type { EmulatorControl } from './emulator-control.js';
import { inspectText } from './inspect-text.js';
import type { Observed, ScenarioConfig } from './types.js';

/** A token with every character `URLSearchParams` encodes beyond `encodeURIComponent`, and JSON escapes. */
export const AWKWARD_TOKEN = 'awkward~token!with\'quote(s)*and"json\\escapes-5ecre7';

const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

type Step = (name: string, run: () => Promise<string> | string) => Promise<void>;

/**
 * Issue 9's checks, run in every runtime: redirects are never followed (5 statuses x a read,
 * a refresh and a write), a refresh that never left (refused, DNS, TLS) is classified from
 * the runtime's structured error, and every view of every fault error is free of secrets.
 */
export async function runSecurityChecks(
  step: Step,
  config: ScenarioConfig,
  options: AuthLiteClientOptions,
  control: EmulatorControl,
  observed: Observed,
  browser: boolean,
): Promise<void> {
  const client = new AuthLiteClient(options);
  const decoyOrigin = new URL(config.decoyUrl).origin;

  await step('redirects: never followed', async () => {
    const lines: string[] = [];
    const calls: [string, string, () => Promise<unknown>][] = [
      ['read', '/api/user/me/auth/validate/token', () => client.validateAccessToken('access-token-for-redirect')],
      ['refresh', '/api/user/me/access/token/', () => client.getAccessTokenFromRefreshToken('refresh-token-for-redirect')],
      [
        'write',
        '/rbac/assign/permission',
        () =>
          client.attachRole('uid-1', config.roles.viewer, {
            signoffSessionAndAssign: true,
            accessToken: 'a-token',
            refreshToken: 'r-token',
          }),
      ],
    ];
    for (const status of REDIRECT_STATUSES) {
      for (const [kind, path, call] of calls) {
        await control.faults([{ path, status, headers: { location: `${config.decoyUrl}/steal?api_key=${config.apiKey}` }, body: '' }]);
        const error = await thrownBy(call, `${kind} answered ${status}`);
        if (error instanceof CheckFailure) throw error;
        const e = error as RedirectError;
        lines.push(`${status} ${kind}: ${e.name} status=${String(e.status)} origin=${String(e.targetOrigin)}`);
        expect(error instanceof RedirectError, `a RedirectError for ${status} on the ${kind}`);
        expect(!e.message.includes('/steal'), 'no Location path in the message');
        // A browser hides the status and the Location of an opaqueredirect answer.
        if (!browser) expect(e.status === status && e.targetOrigin === decoyOrigin, `status ${status} and origin ${decoyOrigin}`);
      }
    }
    await control.faults([]);
    observed.redirects = lines;
    return `${lines.length} redirects refused, none followed`;
  });

  await step('never sent: refused, DNS, TLS', async () => {
    const outcomes = {} as Record<'refused' | 'dns' | 'tls', string>;
    for (const [name, baseUrl] of Object.entries(config.unreachable) as ['refused' | 'dns' | 'tls', string][]) {
      const error = await thrownBy(
        () => new AuthLiteClient({ ...options, baseUrl }).getAccessTokenFromRefreshToken(AWKWARD_TOKEN),
        `a refresh to the ${name} target`,
      );
      if (error instanceof CheckFailure) throw error;
      if (error instanceof NetworkError && error.neverSent) outcomes[name] = 'never-sent';
      else if (error instanceof RefreshOutcomeUnknownError) outcomes[name] = 'outcome-unknown';
      else outcomes[name] = `unexpected ${(error as Error).name}`;
    }
    observed.neverSent = outcomes;
    expect(
      Object.values(outcomes).every((o) => o === 'never-sent' || o === 'outcome-unknown'),
      'a NetworkError (never sent) or RefreshOutcomeUnknownError each',
    );
    return Object.entries(outcomes)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
  });

  await step('secrets sweep: every view of every fault error', async () => {
    const login = await control.loginCode(config.user.email);
    const user = await client.getUser(login);
    const signedKey =
      new URL(
        await client.generateEditUserUrl(user.access_token, 'https://app.example/cb', { dangerouslyExposeOrgCredentials: true }),
      ).searchParams.get('signed_key') ?? '';
    expect(signedKey.split('.').length === 3, 'the signed key from the edit-profile URL');
    const secrets = [config.apiKey, config.secretKey, signedKey, user.access_token, user.refresh_token, login, AWKWARD_TOKEN];
    const echo = `echo ${config.apiKey} ${signedKey} ${user.access_token} ${new URLSearchParams({ t: AWKWARD_TOKEN })} ${JSON.stringify(AWKWARD_TOKEN)} ${AWKWARD_TOKEN}`;
    const cases: [string, Record<string, unknown>[], () => Promise<unknown>][] = [
      [
        '400 echoing every secret',
        [{ path: '/api/user/me/data', status: 400, body: JSON.stringify({ detail: echo }) }],
        () => client.getUserData(AWKWARD_TOKEN),
      ],
      [
        '500 with the api key across the 500-character cut',
        [{ path: '/api/user/me/data', status: 500, body: JSON.stringify({ detail: `${'d'.repeat(490)}${config.apiKey}` }) }],
        () => client.getUserData(user.access_token),
      ],
      [
        'redirect to a URL full of secrets',
        [
          {
            path: '/api/user/me/data',
            status: 302,
            headers: { location: `${config.decoyUrl}/${user.access_token}?k=${config.apiKey}` },
            body: '',
          },
        ],
        () => client.getUserData(user.access_token),
      ],
      [
        'a forged signed answer',
        [{ path: '/api/user/me/data', status: 200, body: JSON.stringify(`${user.access_token}.e30.c2ln`) }],
        () => client.getUserData(user.access_token),
      ],
      [
        'an answer over its cap',
        [{ path: '/api/user/me/data', status: 200, body: JSON.stringify(`${user.access_token}${'x'.repeat(70_000)}`) }],
        () => client.getUserData(user.access_token),
      ],
      [
        'not JSON',
        [{ path: '/api/user/me/access/token/', status: 200, body: `<html>${user.refresh_token}` }],
        () => client.getAccessTokenFromRefreshToken(AWKWARD_TOKEN),
      ],
      ['bad input', [], () => client.getUserData(`${AWKWARD_TOKEN} `)],
      ...Object.entries(config.unreachable).map(([name, baseUrl]): [string, Record<string, unknown>[], () => Promise<unknown>] => [
        `${name} with the awkward token in the URL`,
        [],
        () => new AuthLiteClient({ ...options, baseUrl }).getUserData(AWKWARD_TOKEN),
      ]),
    ];
    const leaking: string[] = [];
    let swept = 0;
    for (const [name, faults, call] of cases) {
      await control.faults(faults);
      const error = await thrownBy(call, name);
      if (error instanceof CheckFailure) throw error;
      expect(error instanceof AuthLiteError, `an AuthLiteError for ${name}`);
      const text = `${exposedText(error)}\n${inspectText(error)}`;
      swept++;
      if (
        secrets.some(
          (secret) =>
            text.includes(secret) ||
            text.includes(encodeURIComponent(secret)) ||
            text.includes(new URLSearchParams({ t: secret }).toString().slice(2)),
        )
      )
        leaking.push(name);
    }
    await control.faults([]);
    observed.sweptErrors = swept;
    observed.secretsInSweep = leaking;
    expect(leaking.length === 0, `no secret in any view (leaking: ${leaking.join(', ')})`);
    return `${swept} fault errors swept, no secret in any view`;
  });
}
