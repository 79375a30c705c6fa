/** The emulator's control API (`/__emulator/*`), called with the runtime's own `fetch`. */
export interface EmulatorControl {
  /** A login code for `email`, as if the user had passed the login widget. */
  loginCode(email: string): Promise<string>;
  /** Moves the emulator clock forward by `seconds`; returns the new emulator time, seconds. */
  advanceClock(seconds: number): Promise<number>;
  /** Number of API requests the emulator received so far (control calls are not counted). */
  requestCount(): Promise<number>;
  /** Number of API requests to `path` the emulator received so far. */
  requestsTo(path: string): Promise<number>;
  /** Statuses of the refresh requests (`GET /api/user/me/access/token/`) answered so far, in order. */
  refreshStatuses(): Promise<number[]>;
  /** Installs fault rules (replacing any installed ones). */
  faults(rules: Record<string, unknown>[]): Promise<void>;
}

/** The access token validation endpoint's path. */
export const VALIDATE_PATH = '/api/user/me/auth/validate/token';

/** The refresh endpoint's path. */
export const REFRESH_PATH = '/api/user/me/access/token/';

/** The control API of the emulator at `baseUrl` for organisation `orgId`. */
export function emulatorControl(baseUrl: string, orgId: string): EmulatorControl {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/__emulator/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    loginCode: async (email) => (await call<{ code: string }>('POST', 'login', { org_id: orgId, email })).code,
    advanceClock: async (seconds) => (await call<{ now: number }>('POST', 'clock', { advance_s: seconds })).now,
    requestCount: async () => (await call<unknown[]>('GET', 'requests')).length,
    requestsTo: async (path) => (await call<{ path: string }[]>('GET', 'requests')).filter((r) => r.path === path).length,
    refreshStatuses: async () =>
      (await call<{ path: string; status: number }[]>('GET', 'requests')).filter((r) => r.path === REFRESH_PATH).map((r) => r.status),
    faults: async (rules) => {
      await call('POST', 'faults', { rules });
    },
  };
}
