import { decodeJwt, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/node/index.js';
import type { EmulatorSeed } from '../src/seed-types.js';

export const ALICE = { uid: 'a11ce000000000000000000000000001', email: 'alice@example.com' } as const;
export const BOB = { uid: 'b0b00000000000000000000000000002', email: 'bob@example.com' } as const;
export const ROLE = {
  admin: 'rol_adm_00000000000000a1',
  editor: 'rol_edt_00000000000000e1',
  viewer: 'rol_vwr_00000000000000f1',
} as const;

/** The signed_key a client computes: HS256 JWS of {"api_key"} keyed with the secret's UTF-8 bytes. */
export function signKey(apiKey: string, secretKey: string, alg: 'HS256' | 'HS512' = 'HS256'): Promise<string> {
  return new SignJWT({ api_key: apiKey }).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secretKey));
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface CallOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** Add api_key and signed_key (default true). */
  auth?: boolean;
  /** Raw body text instead of JSON.stringify(body). */
  rawBody?: string;
}

export interface Harness {
  emu: RunningEmulator;
  signedKey: string;
  url(path: string, query?: Record<string, string>, auth?: boolean): string;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  control(path: string, body?: unknown): Promise<Answer>;
  /** Logs `email` in through the control API and exchanges the code: the verified user JWS claims. */
  login(email?: string): Promise<UserSession>;
  validate(accessToken: string): Promise<number>;
  refresh(refreshToken: string): Promise<Answer>;
  stop(): Promise<void>;
}

export interface UserSession {
  claims: JWTPayload;
  access: string;
  refresh: string;
}

export async function startHarness(seed?: EmulatorSeed): Promise<Harness> {
  const emu = await startEmulator(seed ? { seed } : {});
  const signedKey = await signKey(emu.api_key, emu.secret_key);
  const url = (path: string, query: Record<string, string> = {}, auth = true): string => {
    const params = new URLSearchParams(auth ? { api_key: emu.api_key, signed_key: signedKey, ...query } : query);
    const qs = params.toString();
    return `${emu.url}${path}${qs ? `?${qs}` : ''}`;
  };
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const init: RequestInit = { method, redirect: 'manual' };
    if (options.rawBody !== undefined) init.body = options.rawBody;
    else if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (init.body !== undefined) init.headers = { 'content-type': 'application/json' };
    return answer(await fetch(url(path, options.query, options.auth ?? true), init));
  };
  const harness: Harness = {
    emu,
    signedKey,
    url,
    call,
    control: (path, body) =>
      path === '/__emulator/requests' ? call('GET', path, { auth: false }) : call('POST', path, { auth: false, body: body ?? {} }),
    async login(email = ALICE.email) {
      const code = await harness.control('/__emulator/login', { org_id: emu.org_id, email });
      if (code.status !== 200) throw new Error(`login failed: ${code.status}`);
      const res = await call('GET', '/api/user/me/auth/data', { query: { UserToken: (code.json as { code: string }).code } });
      if (res.status !== 200) throw new Error(`auth/data failed: ${res.status}`);
      const { payload } = await jwtVerify(res.json as string, new TextEncoder().encode(emu.secret_key), {
        algorithms: ['HS256'],
      });
      return { claims: payload, access: payload['access_token'] as string, refresh: payload['refresh_token'] as string };
    },
    async validate(accessToken) {
      return (await call('GET', '/api/user/me/auth/validate/token', { query: { AccessToken: accessToken } })).status;
    },
    refresh(refreshToken) {
      return call('GET', '/api/user/me/access/token/', { query: { RefreshToken: refreshToken } });
    },
    stop: () => emu.stop(),
  };
  return harness;
}

/** Verifies a signed answer (a JSON string holding a JWS) with the org secret, HS256 pinned. */
export async function verifyAnswer(jws: unknown, secretKey: string): Promise<JWTPayload> {
  if (typeof jws !== 'string') throw new Error('signed answer is not a JSON string');
  const { payload } = await jwtVerify(jws, new TextEncoder().encode(secretKey), { algorithms: ['HS256'] });
  return payload;
}

export { decodeJwt };

/**
 * One harness for the whole test file: started before the first test, stopped after the
 * last, and reset to the seed before each test.
 */
export function useHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness());
  });
  afterAll(() => harness.stop());
  beforeEach(async () => {
    await harness.control('/__emulator/reset');
  });
  return harness;
}
