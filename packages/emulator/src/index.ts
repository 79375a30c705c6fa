/**
 * `@authlite/emulator`: a local TrustAuthX emulator as a web-standard fetch
 * handler. Runs anywhere `Request`/`Response` and WebCrypto exist; imports no
 * `node:` module. For a socket and the CLI, see `@authlite/emulator/node`.
 *
 * @packageDocumentation
 */
export { type CreateEmulatorOptions, createEmulator, type Emulator } from './app.ts';
export { DEFAULT_MAX_BODY_BYTES } from './guard/body-limit.ts';
export { DEFAULT_CALLBACK_URL, DEFAULT_ROLE_IDS, DEFAULT_SEED, DEV_CREDENTIALS } from './seed.ts';
export { parseSeed } from './seed-parse.ts';
export type { EmulatorOrgCredentials, EmulatorSeed, SeedOrganisation, SeedRole, SeedUser } from './seed-types.ts';
export { CODE_TTL_S } from './state/codes.ts';
export type { FaultRule } from './state/faults.ts';
export { createPrng } from './state/prng.ts';
export type { RequestLogEntry } from './state/request-log.ts';
export { DEFAULT_ACCESS_TTL_S, DEFAULT_REFRESH_TTL_S } from './state/tokens.ts';
