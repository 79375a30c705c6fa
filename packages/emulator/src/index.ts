/**
 * `@authlite/emulator`: a local TrustAuthX emulator as a web-standard fetch
 * handler. Runs anywhere `Request`/`Response` and WebCrypto exist; imports no
 * `node:` module. For a socket and the CLI, see `@authlite/emulator/node`.
 *
 * @packageDocumentation
 */
export { createEmulator, type CreateEmulatorOptions, type Emulator } from "./app.js";
export { DEFAULT_CALLBACK_URL, DEFAULT_ROLE_IDS, DEFAULT_SEED, DEV_CREDENTIALS } from "./seed.js";
export { DEFAULT_MAX_BODY_BYTES } from "./guard/body-limit.js";
export { parseSeed } from "./seed-parse.js";
export type { EmulatorOrgCredentials, EmulatorSeed, SeedOrganisation, SeedRole, SeedUser } from "./seed-types.js";
export type { FaultRule } from "./state/faults.js";
export type { RequestLogEntry } from "./state/request-log.js";
export { CODE_TTL_S } from "./state/codes.js";
export { createPrng } from "./state/prng.js";
export { DEFAULT_ACCESS_TTL_S, DEFAULT_REFRESH_TTL_S } from "./state/tokens.js";
