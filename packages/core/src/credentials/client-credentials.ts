import { importHmacKey } from '../jws/hmac-key.ts';
import { computeSignedKey } from '../jws/signed-key.ts';

/** The credentials sent on every call: `api_key` and the precomputed `signed_key`. */
export interface WireCredentials {
  apiKey: string;
  signedKey: string;
}

/**
 * The organisation's credentials of one client: the API key, the secret key, the HMAC key
 * imported from it (once) and the signed key computed with it (once). Kept in private fields;
 * never in an error, a log or an enumerable property. A failed import or signing is not
 * remembered: the next call tries again.
 */
export class ClientCredentials {
  readonly #apiKey: string;
  readonly #secretKey: string;
  #key: Promise<CryptoKey> | undefined;
  #wire: Promise<WireCredentials> | undefined;
  #signedKey: string | undefined;

  constructor(apiKey: string, secretKey: string) {
    this.#apiKey = apiKey;
    this.#secretKey = secretKey;
  }

  /** The secret key as a WebCrypto HMAC SHA-256 key (sign and verify), imported on first use. */
  hmacKey(): Promise<CryptoKey> {
    this.#key ??= importHmacKey(this.#secretKey).catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }

  /** `api_key` and `signed_key` for the query of every call; the signed key is computed on first use. */
  wire(): Promise<WireCredentials> {
    this.#wire ??= this.hmacKey()
      .then((key) => computeSignedKey(this.#apiKey, key))
      .then((signedKey) => {
        this.#signedKey = signedKey;
        return { apiKey: this.#apiKey, signedKey };
      })
      .catch((error: unknown) => {
        this.#wire = undefined;
        throw error;
      });
    return this.#wire;
  }

  /** Every client-wide secret known so far (API key, secret key, signed key), for redaction. */
  secrets(): readonly string[] {
    return [this.#apiKey, this.#secretKey, this.#signedKey ?? ''];
  }
}
