import type { EmulatorSeed, SeedOrganisation, SeedRole, SeedUser } from './seed-types.ts';

const ORG_ID = /^[0-9a-f]{64}$/;
const API_KEY = /^[0-9a-f]{32}[A-Z]{20}$/;
const SECRET_KEY = /^[0-9a-f]{64}$/;
const ROLE_ID = /^rol_[A-Za-z0-9]{3}_[0-9a-f]{16}$/;

function fail(path: string, message: string): never {
  throw new TypeError(`Invalid emulator seed at ${path}: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, path: string, pattern?: RegExp, what?: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'expected a non-empty string');
  if (pattern && !pattern.test(value)) fail(path, `expected ${what ?? pattern.source}`);
  return value;
}

function optStr(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(path, 'expected a string');
  return value;
}

function ttl(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) fail(path, 'expected a positive integer (seconds)');
  return value;
}

function httpUrl(value: unknown, path: string): string {
  const text = str(value, path);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail(path, 'expected an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(path, 'expected an http(s) URL');
  return text;
}

function array(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value;
}

function permission(value: unknown, path: string): Record<string, string> {
  if (!isRecord(value)) fail(path, 'expected a one-entry object {key: value}');
  const entries = Object.entries(value);
  const [entry] = entries;
  if (entries.length !== 1 || !entry) fail(path, 'expected exactly one key');
  const [key, v] = entry;
  if (key.length === 0) fail(path, 'expected a non-empty key');
  if (typeof v !== 'string') fail(`${path}.${key}`, 'expected a string value');
  return { [key]: v };
}

function role(value: unknown, path: string): SeedRole {
  if (!isRecord(value)) fail(path, 'expected an object');
  return {
    rol_id: str(value['rol_id'], `${path}.rol_id`, ROLE_ID, 'rol_<3 alphanumerics>_<16 lowercase hex>'),
    name: str(value['name'], `${path}.name`),
    permissions: array(value['permissions'], `${path}.permissions`).map((p, i) => permission(p, `${path}.permissions[${i}]`)),
  };
}

function user(value: unknown, path: string, roleIds: ReadonlySet<string>): SeedUser {
  if (!isRecord(value)) fail(path, 'expected an object');
  const roles = array(value['roles'], `${path}.roles`).map((r, i) => {
    const id = str(r, `${path}.roles[${i}]`);
    if (!roleIds.has(id)) fail(`${path}.roles[${i}]`, 'unknown role id');
    return id;
  });
  const email = str(value['email'], `${path}.email`);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) fail(`${path}.email`, 'expected an email address');
  const out: SeedUser = { uid: str(value['uid'], `${path}.uid`), email, roles };
  const name = optStr(value['name'], `${path}.name`);
  const img = optStr(value['img'], `${path}.img`);
  if (name !== undefined) out.name = name;
  if (img !== undefined) out.img = img;
  return out;
}

function organisation(value: unknown, path: string): SeedOrganisation {
  if (!isRecord(value)) fail(path, 'expected an object');
  const roles = array(value['roles'], `${path}.roles`).map((r, i) => role(r, `${path}.roles[${i}]`));
  const roleIds = new Set<string>();
  roles.forEach((r, i) => {
    if (roleIds.has(r.rol_id)) fail(`${path}.roles[${i}].rol_id`, 'duplicate role id');
    roleIds.add(r.rol_id);
  });
  const users = array(value['users'], `${path}.users`).map((u, i) => user(u, `${path}.users[${i}]`, roleIds));
  const uids = new Set<string>();
  const emails = new Set<string>();
  users.forEach((u, i) => {
    if (uids.has(u.uid)) fail(`${path}.users[${i}].uid`, 'duplicate uid');
    if (emails.has(u.email.toLowerCase())) fail(`${path}.users[${i}].email`, 'duplicate email');
    uids.add(u.uid);
    emails.add(u.email.toLowerCase());
  });
  const out: SeedOrganisation = {
    org_id: str(value['org_id'], `${path}.org_id`, ORG_ID, '64 lowercase hex characters'),
    api_key: str(value['api_key'], `${path}.api_key`, API_KEY, '32 lowercase hex characters then 20 uppercase letters'),
    secret_key: str(value['secret_key'], `${path}.secret_key`, SECRET_KEY, '64 lowercase hex characters'),
    callback_url: httpUrl(value['callback_url'], `${path}.callback_url`),
    users,
    roles,
  };
  const name = optStr(value['name'], `${path}.name`);
  if (name !== undefined) out.name = name;
  return out;
}

/**
 * Checks an untrusted value (for example a parsed seed file) against the
 * {@link EmulatorSeed} shape and answers a normalised deep copy.
 *
 * Checks: at least one organisation; credential formats (org_id and
 * secret_key 64 lowercase hex, api_key 32 lowercase hex + 20 uppercase
 * letters); unique org_id and api_key across organisations; role ids of the
 * form `rol_<3>_<16 hex>`, unique per organisation; permissions are one-entry
 * objects with string values; unique uid and email per organisation; user
 * roles refer to roles of the same organisation; TTLs are positive integers.
 *
 * @throws TypeError naming the offending path when the value is not a valid seed.
 */
export function parseSeed(value: unknown): EmulatorSeed {
  if (!isRecord(value)) fail('$', 'expected an object');
  const organisations = array(value['organisations'], '$.organisations').map((o, i) => organisation(o, `$.organisations[${i}]`));
  if (organisations.length === 0) fail('$.organisations', 'expected at least one organisation');
  const orgIds = new Set<string>();
  const apiKeys = new Set<string>();
  organisations.forEach((o, i) => {
    if (orgIds.has(o.org_id)) fail(`$.organisations[${i}].org_id`, 'duplicate org_id');
    if (apiKeys.has(o.api_key)) fail(`$.organisations[${i}].api_key`, 'duplicate api_key');
    orgIds.add(o.org_id);
    apiKeys.add(o.api_key);
  });
  const seed: EmulatorSeed = { organisations };
  const access = ttl(value['access_token_ttl_s'], '$.access_token_ttl_s');
  const refresh = ttl(value['refresh_token_ttl_s'], '$.refresh_token_ttl_s');
  if (access !== undefined) seed.access_token_ttl_s = access;
  if (refresh !== undefined) seed.refresh_token_ttl_s = refresh;
  return seed;
}

/**
 * The seed with the default (first) organisation's `callback_url` replaced by `callbackUrl`
 * (unchanged when undefined).
 *
 * @throws TypeError when `callbackUrl` is not an absolute http(s) URL.
 */
export function withCallbackUrl(seed: EmulatorSeed, callbackUrl: string | undefined): EmulatorSeed {
  if (callbackUrl === undefined) return seed;
  const url = httpUrl(callbackUrl, 'callbackUrl');
  const [first, ...rest] = seed.organisations;
  if (!first) return seed;
  return { ...seed, organisations: [{ ...first, callback_url: url }, ...rest] };
}
