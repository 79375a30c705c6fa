/**
 * `@authlite/emulator`: a local TrustAuthX emulator as a web-standard fetch
 * handler. Runs anywhere `Request`/`Response` and WebCrypto exist; imports no
 * `node:` module. For a socket and the CLI, see `@authlite/emulator/node`.
 *
 * @packageDocumentation
 */
export { type CreateEmulatorOptions, createEmulator, type Emulator } from './app.js';
export { DEFAULT_MAX_BODY_BYTES } from './guard/body-limit.js';
export { DEFAULT_CALLBACK_URL, DEFAULT_ROLE_IDS, DEFAULT_SEED, DEV_CREDENTIALS } from './seed.js';
export { parseSeed } from './seed-parse.js';
export type { EmulatorOrgCredentials, EmulatorSeed, SeedOrganisation, SeedRole, SeedUser } from './seed-types.js';
export { CODE_TTL_S } from './state/codes.js';
export type { FaultRule } from './state/faults.js';
export { createPrng } from './state/prng.js';
export type { RequestLogEntry } from './state/request-log.js';
export { DEFAULT_ACCESS_TTL_S, DEFAULT_REFRESH_TTL_S } from './state/tokens.js';
