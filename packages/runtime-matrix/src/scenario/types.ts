/** Where the scenario finds the emulator, and the default seed's facts it checks against. */
export interface ScenarioConfig {
  /** Emulator base URL on loopback, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
  orgId: string;
  apiKey: string;
  /** The emulator's fake development secret key (public; not a real secret). */
  secretKey: string;
  /** Role ids of the default seed. */
  roles: { admin: string; editor: string; viewer: string };
  /** A seeded user holding the admin role. */
  user: { email: string; uid: string };
  /** A second local server that must never receive a request (redirect target). */
  decoyUrl: string;
  /** Where each fetch fails before anything is sent: a closed loopback port, an `.invalid` host, https to a plain-http port. */
  unreachable: { refused: string; dns: string; tls: string };
}

/** One named check of the scenario. `detail` never holds a key or a token. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** Values the scenario saw, re-asserted by the launcher's test outside the runtime. */
export interface Observed {
  /** `'refused'` when the constructor refused the secret key without `dangerouslyAllowBrowser`, else `'allowed'`. */
  browserGuard: 'refused' | 'allowed' | 'error';
  /** The guard's `ConfigurationError.option`, when it refused. */
  browserGuardOption?: string;
  email?: string;
  uid?: string;
  validAfterLogin?: boolean;
  validAfterExpiry?: boolean;
  tokenSetStateFresh?: boolean;
  tokenSetStateExpired?: boolean;
  badInputCode?: string;
  badInputField?: string;
  requestsSentByBadInput?: number;
  httpErrorClass?: string;
  httpErrorStatus?: number;
  reusedRefreshStatus?: number;
  adminCanWriteBilling?: boolean;
  viewerCanWriteBilling?: boolean;
  editorCanPublish?: boolean;
  roleCount?: number;
  /** The function form (`createHandle`): concurrent validations of one token, the upstream requests they sent, and two checks on `loadRoles(auth)`. */
  functionForm?: {
    concurrent: number;
    allValid: boolean;
    validateRequests: number;
    editorCanPublish: boolean;
    viewerCanWriteBilling: boolean;
  };
  /** In a browser: the `ConfigurationError.option` of `createHandle` without `dangerouslyAllowBrowser`. */
  functionFormBrowserGuardOption?: string;
  revoked?: boolean;
  validAfterRevoke?: boolean;
  tokenSetInvalidCode?: string;
  secretsInErrors?: number;
  /** One line per round of the refresh race: refreshes sent and callers with the same pair. */
  refreshRace?: string[];
  /** One line per redirect case: `<status> <call>: <error name> status=<status> origin=<origin>`. */
  redirects?: string[];
  /** How a refresh that never left was reported, per failure: `never-sent` (a NetworkError that says so) or `outcome-unknown`. */
  neverSent?: Record<'refused' | 'dns' | 'tls', string>;
  /** Fault errors whose every view (message, stack, cause chain, properties, JSON, inspect) was searched for secrets. */
  sweptErrors?: number;
  /** How many of those views showed a secret (must be 0), and the names of the cases that did. */
  secretsInSweep?: string[];
}

/** What one runtime reports back to its launcher. */
export interface ScenarioReport {
  runtime: { name: string; version: string };
  ok: boolean;
  checks: CheckResult[];
  observed: Observed;
  /** Wall time of the scenario inside the runtime, milliseconds. */
  ms: number;
}
