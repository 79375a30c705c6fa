import {
  AuthLiteClient,
  type AuthLiteClientOptions,
  AuthLiteError,
  ConfigurationError,
  createHandle,
  HttpError,
  loadRoles,
  TokenSetInvalidError,
  ValidationError,
  validateAccessToken,
} from '@authlite/core';
import { CheckFailure, describeError, expect, exposedText, thrownBy } from './checks.js';
import { emulatorControl, REFRESH_PATH, VALIDATE_PATH } from './emulator-control.js';
import { hasWindowAndDocument, runtimeLabel } from './runtime-label.js';
import { runSecurityChecks } from './security-checks.js';
import type { CheckResult, Observed, ScenarioConfig, ScenarioReport } from './types.js';

export type { CheckResult, Observed, ScenarioConfig, ScenarioReport } from './types.js';

/** Concurrent `validateTokenSet` calls of each round of the refresh race. */
const RACE_SIZES = [5, 20, 100] as const;

/** Concurrent `validateAccessToken` calls of one token in the function form's check. */
const CONCURRENT_VALIDATIONS = 10;

/** Seconds past the emulator's access token lifetime (3600 s): every access token issued before has expired. */
const PAST_ACCESS_EXPIRY_S = 3601;

/**
 * The client's integration scenario, written once for every runtime: it uses only `fetch`,
 * WebCrypto and `@authlite/core`. Against the emulator over real HTTP it checks the browser
 * guard, a bad input (typed error, no request sent), login through the control API,
 * `getUser`, validation, user data, the token set before and after expiry, refresh rotation
 * and the typed HTTP error of a reused refresh token, role checks from the cache,
 * revocation, `TokenSetInvalidError`, and that no error exposes a key or a token.
 *
 * It never throws: each check is recorded with its outcome, so a launcher gets a full report.
 */
export async function runScenario(config: ScenarioConfig): Promise<ScenarioReport> {
  const started = Date.now();
  const checks: CheckResult[] = [];
  const observed: Observed = { browserGuard: 'error' };
  const secrets = new Set<string>([config.apiKey, config.secretKey]);
  const sdkErrors: unknown[] = [];
  const control = emulatorControl(config.baseUrl, config.orgId);
  // The SDK's clock moves with the emulator's (signed answers issued after a clock move must not look future-dated).
  let clockOffsetMs = 0;
  const options: AuthLiteClientOptions = {
    clock: { nowMs: () => Date.now() + clockOffsetMs },
    apiKey: config.apiKey,
    secretKey: config.secretKey,
    orgId: config.orgId,
    baseUrl: config.baseUrl,
    widgetUrl: `${config.baseUrl}/widget/login/`,
  };

  const step = async (name: string, run: () => Promise<string> | string): Promise<void> => {
    try {
      checks.push({ name, ok: true, detail: await run() });
    } catch (error) {
      checks.push({ name, ok: false, detail: describeError(error, secrets) });
    }
  };
  /** The SDK error thrown by `fn`; kept for the final secrets check. */
  const sdkError = async (fn: () => unknown, what: string): Promise<unknown> => {
    const error = await thrownBy(fn, what);
    if (error instanceof CheckFailure) throw error;
    sdkErrors.push(error);
    return error;
  };

  let client: AuthLiteClient | undefined;
  await step('browser guard', async () => {
    if (hasWindowAndDocument()) {
      const refused = await sdkError(() => new AuthLiteClient(options), 'new AuthLiteClient({ secretKey }) in a browser');
      expect(refused instanceof ConfigurationError, 'a ConfigurationError without dangerouslyAllowBrowser');
      observed.browserGuard = 'refused';
      observed.browserGuardOption = refused.option;
      expect(refused.option === 'dangerouslyAllowBrowser', 'the error to name the option dangerouslyAllowBrowser');
      client = new AuthLiteClient({ ...options, dangerouslyAllowBrowser: true });
      return 'secret key refused in a browser, allowed with dangerouslyAllowBrowser: true';
    }
    client = new AuthLiteClient(options);
    withStubbedPageGlobals(() => new AuthLiteClient(options));
    observed.browserGuard = 'allowed';
    return 'server runtime: allowed, even with a stub window and document';
  });
  client ??= new AuthLiteClient({ ...options, dangerouslyAllowBrowser: true });
  const sdk = client;

  await step('bad input: typed error, no request', async () => {
    const before = await control.requestCount();
    const error = await sdkError(() => sdk.getUser(''), 'getUser("")');
    expect(error instanceof ValidationError, 'a ValidationError');
    observed.badInputCode = error.code;
    observed.badInputField = error.field;
    expect(error.code === 'ERR_INVALID_INPUT' && error.field === 'code', 'code ERR_INVALID_INPUT on field "code"');
    const config = await sdkError(
      () => new AuthLiteClient({ ...options, baseUrl: 'http://example.com', dangerouslyAllowBrowser: true }),
      'a plain-http remote baseUrl',
    );
    expect(config instanceof ConfigurationError && config.option === 'baseUrl', 'a ConfigurationError on option "baseUrl"');
    observed.requestsSentByBadInput = (await control.requestCount()) - before;
    expect(observed.requestsSentByBadInput === 0, 'no request sent for bad input');
    return `${error.code} on "${error.field}", ${config.code} on "${config.option}", 0 requests`;
  });

  let access = '';
  let refresh = '';
  await step('login: getUser(code)', async () => {
    const code = await control.loginCode(config.user.email);
    secrets.add(code);
    const user = await sdk.getUser(code);
    secrets.add(user.access_token).add(user.refresh_token);
    access = user.access_token;
    refresh = user.refresh_token;
    observed.email = user.email;
    observed.uid = user.uid;
    expect(user.email === config.user.email && user.uid === config.user.uid, 'the seeded user');
    expect(user.scope.includes('openid'), 'scope to include openid');
    expect(user.exp > user.iat, 'exp after iat');
    return `${user.email} uid=${user.uid} scope=${user.scope.join(',')}`;
  });

  await step('validateAccessToken and getUserData', async () => {
    observed.validAfterLogin = await sdk.validateAccessToken(access);
    expect(observed.validAfterLogin, 'a fresh access token to be valid');
    const data = await sdk.getUserData(access);
    expect(data.email === config.user.email && data.uid === config.user.uid, 'user data of the same user');
    return `valid=true, data of ${data.email}`;
  });

  let reusedRefresh = '';
  await step('validateTokenSet: fresh, then expired and refreshed', async () => {
    const fresh = await sdk.validateTokenSet(access, refresh);
    observed.tokenSetStateFresh = fresh.state;
    expect(fresh.state && fresh.access === access && fresh.refresh === refresh, 'state true and the same pair');
    await control.advanceClock(PAST_ACCESS_EXPIRY_S);
    clockOffsetMs += PAST_ACCESS_EXPIRY_S * 1000;
    observed.validAfterExpiry = await sdk.validateAccessToken(access);
    expect(!observed.validAfterExpiry, 'the access token to be invalid after 3601 s');
    const renewed = await sdk.validateTokenSet(access, refresh);
    secrets.add(renewed.access).add(renewed.refresh);
    observed.tokenSetStateExpired = renewed.state;
    expect(!renewed.state && renewed.access !== access && renewed.refresh !== refresh, 'state false and a new pair');
    expect(await sdk.validateAccessToken(renewed.access), 'the new access token to be valid');
    reusedRefresh = refresh;
    access = renewed.access;
    refresh = renewed.refresh;
    return 'state=true, then state=false with a rotated pair';
  });

  await step('HTTP errors: typed HttpError', async () => {
    const unknown = await sdkError(() => sdk.getUser('not-a-login-code'), 'getUser(unknown code)');
    expect(unknown instanceof HttpError && unknown instanceof AuthLiteError, 'an HttpError (an AuthLiteError)');
    observed.httpErrorClass = unknown.name;
    observed.httpErrorStatus = unknown.status;
    expect(unknown.status === 401 && unknown.code === 'ERR_HTTP', 'status 401, code ERR_HTTP');
    // Another client: this one remembers its own rotation for refreshGracePeriod and would give the new pair.
    const other = new AuthLiteClient({ ...options, dangerouslyAllowBrowser: true });
    const reused = await sdkError(() => other.getAccessTokenFromRefreshToken(reusedRefresh), 'a used refresh token');
    expect(reused instanceof HttpError, 'an HttpError for a used refresh token');
    observed.reusedRefreshStatus = reused.status;
    expect(reused.status === 401, 'status 401 for a used refresh token (rotation)');
    return `${unknown.name} ${unknown.status} ${unknown.method} ${unknown.path}; reused refresh ${reused.status}`;
  });

  await step('roles: checks from the role cache', async () => {
    const { admin, editor, viewer } = config.roles;
    observed.adminCanWriteBilling = await sdk.roles.validate(admin, 'billing', 'write');
    observed.viewerCanWriteBilling = await sdk.roles.validate(viewer, 'billing', 'write');
    const index = await sdk.roles.load();
    observed.editorCanPublish = index.can(editor, 'posts', 'publish');
    observed.roleCount = await sdk.roles.countRoles();
    expect(observed.adminCanWriteBilling, 'admin to grant billing=write');
    expect(!observed.viewerCanWriteBilling, 'viewer not to grant billing=write');
    expect(observed.editorCanPublish, "editor's second posts permission (publish) to count");
    expect(observed.roleCount === 3, '3 roles');
    return `admin billing=write, viewer denied, editor posts=publish, ${observed.roleCount} roles`;
  });

  await step('function form: createHandle, concurrent validateAccessToken, loadRoles().can', async () => {
    if (hasWindowAndDocument()) {
      const refused = await sdkError(() => createHandle(options), 'createHandle({ secretKey }) in a browser');
      expect(refused instanceof ConfigurationError, 'a ConfigurationError without dangerouslyAllowBrowser');
      observed.functionFormBrowserGuardOption = refused.option;
    }
    const auth = createHandle({ ...options, dangerouslyAllowBrowser: true });
    const before = await control.requestsTo(VALIDATE_PATH);
    const results = await Promise.all(Array.from({ length: CONCURRENT_VALIDATIONS }, () => validateAccessToken(auth, access)));
    const validateRequests = (await control.requestsTo(VALIDATE_PATH)) - before;
    const index = await loadRoles(auth);
    const { editor, viewer } = config.roles;
    observed.functionForm = {
      concurrent: results.length,
      allValid: results.every((valid) => valid),
      validateRequests,
      editorCanPublish: index.can(editor, 'posts', 'publish'),
      viewerCanWriteBilling: index.can(viewer, 'billing', 'write'),
    };
    expect(observed.functionForm.allValid, 'every concurrent validation to be true');
    expect(validateRequests === 1, `one upstream validation for ${CONCURRENT_VALIDATIONS} concurrent calls (saw ${validateRequests})`);
    expect(observed.functionForm.editorCanPublish && !observed.functionForm.viewerCanWriteBilling, 'editor posts=publish, viewer denied');
    return `${CONCURRENT_VALIDATIONS} concurrent validations, ${validateRequests} request; editor posts=publish, viewer denied`;
  });

  await step('revoke, then TokenSetInvalidError', async () => {
    observed.revoked = await sdk.revokeToken({ accessToken: access });
    observed.validAfterRevoke = await sdk.validateAccessToken(access);
    expect(observed.revoked && !observed.validAfterRevoke, 'the revoked access token to be invalid');
    expect(await sdk.revokeToken({ refreshToken: refresh }, { revokeAllTokens: true }), 'revoking every token of the user');
    const invalid = await sdkError(() => sdk.validateTokenSet(access, refresh), 'validateTokenSet(revoked pair)');
    expect(invalid instanceof TokenSetInvalidError, 'a TokenSetInvalidError');
    observed.tokenSetInvalidCode = invalid.code;
    return `revoked=true, valid=false, ${invalid.code}`;
  });

  await step('refresh race: 5, 20, 100 concurrent validateTokenSet, the first cancelled mid-refresh', async () => {
    const outcomes: string[] = [];
    for (const concurrent of RACE_SIZES) {
      const user = await sdk.getUser(await control.loginCode(config.user.email));
      secrets.add(user.access_token).add(user.refresh_token);
      await control.advanceClock(PAST_ACCESS_EXPIRY_S);
      await control.faults([{ path: REFRESH_PATH, delay_ms: 300, times: 1 }]);
      const before = (await control.refreshStatuses()).length;
      let refreshSent!: () => void;
      const sent = new Promise<void>((resolve) => (refreshSent = resolve));
      const racer = new AuthLiteClient({
        ...options,
        dangerouslyAllowBrowser: true,
        fetch: (input, init) => {
          if (new URL(input instanceof Request ? input.url : String(input)).pathname === REFRESH_PATH) refreshSent();
          return globalThis.fetch(input, init);
        },
      });
      const cancel = new AbortController();
      const calls = Array.from({ length: concurrent }, (_, i) =>
        racer.validateTokenSet(user.access_token, user.refresh_token, i === 0 ? { signal: cancel.signal } : {}),
      );
      await sent;
      cancel.abort(new Error('first caller left'));
      const settled = await Promise.allSettled(calls);
      await control.faults([]);
      const [first, ...rest] = settled;
      expect(
        first?.status === 'rejected' && (first.reason as Error).message === 'first caller left',
        'the cancelled caller to get its own reason',
      );
      const pairs = new Set(
        rest.map((r) => (r.status === 'fulfilled' && !r.value.state ? `${r.value.access}|${r.value.refresh}` : 'failed')),
      );
      expect(pairs.size === 1 && !pairs.has('failed'), `all ${concurrent - 1} others to get one new pair`);
      const refreshes = (await control.refreshStatuses()).slice(before);
      expect(refreshes.length === 1 && refreshes[0] === 200, `exactly one upstream refresh (saw ${refreshes.join(', ')})`);
      for (const r of rest) if (r.status === 'fulfilled') secrets.add(r.value.access).add(r.value.refresh);
      outcomes.push(`${concurrent}: 1 refresh, ${concurrent - 1} same pair`);
    }
    observed.refreshRace = outcomes;
    return outcomes.join('; ');
  });

  await step('no key or token in any error', () => {
    const texts = sdkErrors.map((error) => exposedText(error));
    observed.secretsInErrors = texts.filter((text) => [...secrets].some((secret) => secret.length > 0 && text.includes(secret))).length;
    expect(sdkErrors.length >= 5, 'every error of the scenario to be inspected');
    expect(observed.secretsInErrors === 0, 'no error to expose a key or a token');
    return `${sdkErrors.length} errors inspected, none exposes a secret`;
  });

  await runSecurityChecks(step, config, { ...options, dangerouslyAllowBrowser: true }, control, observed, hasWindowAndDocument());

  return { runtime: runtimeLabel(), ok: checks.every((check) => check.ok), checks, observed, ms: Date.now() - started };
}

/** Runs `fn` with a stub `window` and `document` on `globalThis` (when absent), then removes them. */
function withStubbedPageGlobals(fn: () => unknown): void {
  const g = globalThis as Record<string, unknown>;
  const added = ['window', 'document'].filter((name) => !(name in g));
  for (const name of added) g[name] = name === 'window' ? globalThis : {};
  try {
    fn();
  } finally {
    for (const name of added) Reflect.deleteProperty(g, name);
  }
}
