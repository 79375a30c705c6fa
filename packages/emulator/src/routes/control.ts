import { Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { optionalStringField, readJsonObject, stringField } from '../http/body.ts';
import { advanceClock } from '../state/clock.ts';
import { issueCode } from '../state/codes.ts';
import { type FaultRule, setFaults } from '../state/faults.ts';
import type { OrgState } from '../state/organisations.ts';
import { lastRequests } from '../state/request-log.ts';
import { findActiveToken } from '../state/tokens.ts';
import { findOrCreateUser, isEmail, updateProfile } from '../state/users.ts';
import { pruneWorld, resetWorld, type World } from '../state/world.ts';

/** Path prefix of the control API; requests under it are never faulted nor logged. */
export const CONTROL_PREFIX = '/__emulator';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the server itself sets from the body; a rule may not fake them (use `truncate`). */
const SERVER_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);

/** The rule's extra headers, checked now so that a bad one fails the install (422), not every later answer. */
function checkedHeaders(headers: Record<string, string>, at: string): Record<string, string> {
  for (const [name, value] of Object.entries(headers)) {
    if (!HTTP_TOKEN.test(name)) throw new ApiError(422, `${at}: invalid header name`);
    if (SERVER_HEADERS.has(name.toLowerCase())) throw new ApiError(422, `${at}: ${name.toLowerCase()} is set by the server`);
    if (!/^[\x20-\x7e\x80-\xff\t]*$/.test(value)) {
      throw new ApiError(422, `${at}.${name}: invalid header value`);
    }
  }
  try {
    new Headers(headers);
  } catch {
    throw new ApiError(422, `${at}: invalid header`);
  }
  return { ...headers };
}

function parseRule(value: unknown, i: number): FaultRule {
  const at = `rules[${i}]`;
  if (!isRecord(value)) throw new ApiError(422, `${at} must be an object`);
  const rule: FaultRule = {};
  const { path, method, status, delay_ms, body, headers, truncate, times, probability } = value;
  if (path !== undefined) {
    if (typeof path !== 'string' || !path.startsWith('/')) throw new ApiError(422, `${at}.path must be a path starting with /`);
    rule.path = path;
  }
  if (method !== undefined) {
    if (typeof method !== 'string' || !HTTP_TOKEN.test(method)) throw new ApiError(422, `${at}.method must be an HTTP method name`);
    rule.method = method;
  }
  if (status !== undefined) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
      throw new ApiError(422, `${at}.status must be an integer in 200..599`);
    }
    rule.status = status;
  }
  if (delay_ms !== undefined) {
    if (typeof delay_ms !== 'number' || !Number.isFinite(delay_ms) || delay_ms < 0 || delay_ms > 600_000) {
      throw new ApiError(422, `${at}.delay_ms must be a number of milliseconds in 0..600000`);
    }
    rule.delay_ms = delay_ms;
  }
  if (body !== undefined) {
    if (typeof body !== 'string') throw new ApiError(422, `${at}.body must be a string (sent verbatim)`);
    rule.body = body;
  }
  if (headers !== undefined) {
    if (!isRecord(headers) || !Object.values(headers).every((v) => typeof v === 'string')) {
      throw new ApiError(422, `${at}.headers must be an object of string values`);
    }
    rule.headers = checkedHeaders(headers as Record<string, string>, `${at}.headers`);
  }
  if (truncate !== undefined) {
    if (typeof truncate !== 'boolean') throw new ApiError(422, `${at}.truncate must be a boolean`);
    rule.truncate = truncate;
  }
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0) {
      throw new ApiError(422, `${at}.times must be a non-negative integer`);
    }
    rule.times = times;
  }
  if (probability !== undefined) {
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
      throw new ApiError(422, `${at}.probability must be a number in 0..1`);
    }
    rule.probability = probability;
  }
  return rule;
}

/**
 * The control API under `/__emulator/`: login, reauth, clock, faults, reset,
 * requests. Not part of the real service.
 */
export function controlRoutes(world: World): Hono {
  const app = new Hono();

  function orgOf(body: Record<string, unknown>): OrgState {
    const org = world.orgs.get(stringField(body, 'org_id'));
    if (!org) throw new ApiError(404, 'Organisation not found');
    return org;
  }

  app.post(`${CONTROL_PREFIX}/login`, async (c) => {
    const body = await readJsonObject(c);
    const org = orgOf(body);
    const email = stringField(body, 'email').trim();
    if (!isEmail(email)) throw new ApiError(422, 'Field email must be an email address');
    const user = findOrCreateUser(org.users, email);
    return c.json({ code: issueCode(org.codes, world.clock, 'login', user.uid) });
  });

  app.post(`${CONTROL_PREFIX}/reauth`, async (c) => {
    const body = await readJsonObject(c);
    const org = orgOf(body);
    const token = stringField(body, 'access_token');
    const name = optionalStringField(body, 'name');
    const img = optionalStringField(body, 'img');
    const record = findActiveToken(org.tokens, world.clock, token, 'access');
    if (!record) throw new ApiError(401, 'Invalid, expired or revoked access token');
    const user = org.users.get(record.uid);
    if (!user) throw new ApiError(404, 'User not found');
    updateProfile(user, { name, img });
    return c.json({ code: issueCode(org.codes, world.clock, 'reauth', user.uid) });
  });

  app.post(`${CONTROL_PREFIX}/clock`, async (c) => {
    const body = await readJsonObject(c);
    const advance = body['advance_s'];
    if (typeof advance !== 'number' || !Number.isFinite(advance) || advance < 0) {
      throw new ApiError(422, 'Field advance_s must be a non-negative number of seconds');
    }
    const now = advanceClock(world.clock, advance);
    pruneWorld(world);
    return c.json({ now });
  });

  app.post(`${CONTROL_PREFIX}/faults`, async (c) => {
    const body = await readJsonObject(c);
    const { rules, seed } = body;
    if (!Array.isArray(rules)) throw new ApiError(422, 'Field rules must be a list');
    const parsed = rules.map(parseRule);
    if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) {
      throw new ApiError(422, 'Field seed must be an integer');
    }
    setFaults(world.faults, parsed, seed);
    return c.json({ ok: true });
  });

  app.post(`${CONTROL_PREFIX}/reset`, (c) => {
    resetWorld(world);
    return c.json({ ok: true });
  });

  app.get(`${CONTROL_PREFIX}/requests`, (c) => c.json(lastRequests(world.requests).map((r) => ({ ...r, query: [...r.query] }))));

  return app;
}
