/** One request the emulator received, as `GET /__emulator/requests` lists it. */
export interface EmulatorRequest {
  method: string;
  path: string;
  query: string[];
  status: number;
}

/**
 * The emulator's control API (`/__emulator/*`) over plain `fetch`, so that it works from any
 * runtime the suite runs in. None of these routes exists on the real service.
 */
export class EmulatorControl {
  readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/+$/, '');
  }

  /** Back to the seed: roles, faults, clock and the request log. */
  async reset(): Promise<void> {
    await this.#call('POST', 'reset');
  }

  /** Installs fault rules (see the emulator's README), replacing any installed ones. */
  async faults(rules: Record<string, unknown>[]): Promise<void> {
    await this.#call('POST', 'faults', { rules });
  }

  /** A fresh login code of `email` in organisation `orgId`, as if the user had passed the widget. */
  async login(orgId: string, email: string): Promise<string> {
    return (await this.#call<{ code: string }>('POST', 'login', { org_id: orgId, email })).code;
  }

  /** Moves the emulator's clock forward by `seconds`; returns its new time, seconds since the epoch. */
  async advanceClock(seconds: number): Promise<number> {
    return (await this.#call<{ now: number }>('POST', 'clock', { advance_s: seconds })).now;
  }

  /** The requests received since the last reset (control routes excluded). */
  requests(): Promise<EmulatorRequest[]> {
    return this.#call('GET', 'requests');
  }

  /** How many `GET /rbac/role` requests reached the emulator since the last reset. */
  async roleFetches(): Promise<number> {
    return (await this.requests()).filter((r) => r.method === 'GET' && r.path === '/rbac/role').length;
  }

  async #call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}
