import { base64url, CompactEncrypt, compactDecrypt } from 'jose';
import type { TokenPair } from '../schemas/answers.ts';
import type { SharedRefreshGrace } from './shared-refresh-grace.ts';

/**
 * The key-value store a shared grace record lives in: the shape of `KvBackend` in
 * `@authlite/store-kv` (`fromCloudflareKv`, `fromDenoKv`, `fromUnstorage` build one).
 */
export interface GraceRecordBackend {
  /** The string stored under `key`, or `null`/`undefined` when there is none. */
  get(key: string): Promise<unknown>;
  /** Stores `value` under `key` for at least `ttlSeconds` (whole seconds, at least 1); the record carries its own expiry. */
  put(key: string, value: string, ttlSeconds: number): Promise<void>;
}

/** Options of {@link createEncryptedRefreshGrace}. */
export interface EncryptedRefreshGraceOptions {
  /** Where the records live. */
  backend: GraceRecordBackend;
  /** The organisation's secret key, the same as the client's: both record keys are derived from it (HKDF-SHA-256). */
  secretKey: string;
  /** First characters of every record's store key. Default `authlite:refresh-grace:`. */
  prefix?: string;
}

/** Default first characters of a record's store key. */
export const REFRESH_GRACE_PREFIX = 'authlite:refresh-grace:';

const encoder = /* @__PURE__ */ new TextEncoder();
const SALT = 'authlite shared refresh grace v1';

/** 256 bits derived from the secret key for one purpose (`info`), by HKDF-SHA-256 (RFC 5869) in WebCrypto. */
async function derive(secret: CryptoKey, info: string): Promise<Uint8Array<ArrayBuffer>> {
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(SALT), info: encoder.encode(info) },
    secret,
    256,
  );
  return new Uint8Array(bits);
}

interface RecordKeys {
  /** HMAC-SHA-256 key that names a record after its refresh token. */
  naming: CryptoKey;
  /** A256GCM content encryption key (JWE `dir`). */
  sealing: Uint8Array<ArrayBuffer>;
}

async function recordKeys(secretKey: string): Promise<RecordKeys> {
  const secret = await crypto.subtle.importKey('raw', encoder.encode(secretKey), 'HKDF', false, ['deriveBits']);
  const naming = await crypto.subtle.importKey(
    'raw',
    await derive(secret, 'record name (HMAC-SHA-256)'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return { naming, sealing: await derive(secret, 'record content (A256GCM)') };
}

function isRecord(value: unknown): value is { a: string; r: string; exp: number } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['a'] === 'string' && typeof record['r'] === 'string' && Number.isFinite(record['exp']);
}

/**
 * A {@link SharedRefreshGrace} that keeps no plain token in the store. A record's store key is
 * `prefix` + base64url(HMAC-SHA-256(refresh token)); its value is a compact JWE (`dir`,
 * `A256GCM`, RFC 7516, by jose) of the pair and its end (`exp`, seconds on the service's
 * clock), whose protected header (the AAD) names the record (`kid`): a value copied under
 * another record's key, or sealed under another secret key, or altered, or past its end
 * reads as no record. Both keys are derived from `secretKey` with HKDF-SHA-256 (WebCrypto).
 * Store TTL: the record's lifetime rounded up to whole seconds (the store may keep it longer).
 * @throws TypeError when `backend` has no `get`/`put` or `secretKey` is empty.
 * @example
 * const client = new AuthLiteClient({ apiKey, secretKey, sharedRefreshGrace: createEncryptedRefreshGrace({ backend, secretKey }) });
 */
export function createEncryptedRefreshGrace(options: EncryptedRefreshGraceOptions): SharedRefreshGrace {
  const { backend, secretKey, prefix = REFRESH_GRACE_PREFIX } = options ?? ({} as EncryptedRefreshGraceOptions);
  if (typeof backend?.get !== 'function' || typeof backend?.put !== 'function') {
    throw new TypeError('createEncryptedRefreshGrace needs a backend with get and put');
  }
  if (typeof secretKey !== 'string' || secretKey.length === 0) {
    throw new TypeError('createEncryptedRefreshGrace needs the secret key (a non-empty string)');
  }
  if (typeof prefix !== 'string') throw new TypeError('Invalid option "prefix" of createEncryptedRefreshGrace: expected a string');
  let keys: Promise<RecordKeys> | undefined;
  const keysOnce = () => {
    keys ??= recordKeys(secretKey);
    return keys;
  };
  const nameOf = async (refreshToken: string) => {
    const mac = await crypto.subtle.sign('HMAC', (await keysOnce()).naming, encoder.encode(refreshToken));
    return base64url.encode(new Uint8Array(mac));
  };

  return {
    async remember(refreshToken, pair, { nowMs, untilMs }) {
      const name = await nameOf(refreshToken);
      const plaintext = encoder.encode(JSON.stringify({ a: pair.access_token, r: pair.refresh_token, exp: untilMs / 1000 }));
      const jwe = await new CompactEncrypt(plaintext)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: name })
        .encrypt((await keysOnce()).sealing);
      await backend.put(prefix + name, jwe, Math.max(1, Math.ceil((untilMs - nowMs) / 1000)));
    },

    async recall(refreshToken, nowMs): Promise<TokenPair | undefined> {
      const name = await nameOf(refreshToken);
      const stored = await backend.get(prefix + name);
      if (typeof stored !== 'string') return undefined;
      try {
        const { plaintext, protectedHeader } = await compactDecrypt(stored, (await keysOnce()).sealing, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        if (protectedHeader.kid !== name) return undefined;
        const record: unknown = JSON.parse(new TextDecoder().decode(plaintext));
        if (!isRecord(record) || record.exp * 1000 <= nowMs) return undefined;
        return { access_token: record.a, refresh_token: record.r };
      } catch {
        // Sealed under another secret key, altered, or not a JWE: no record.
        return undefined;
      }
    },
  };
}
