import { jwtVerify } from 'jose';
// The SDK's own verify path, as the client builds it (not a public export of @authlite/core: its unbundled build in dist-internal/).
import { createAnswerVerifier } from '../../../core/dist-internal/credentials/answer-verifier.js';
import { ClientCredentials } from '../../../core/dist-internal/credentials/client-credentials.js';
import { SYSTEM_CLOCK } from '../../../core/dist-internal/runtime/clock.js';
import { ServiceClock } from '../../../core/dist-internal/runtime/service-clock.js';
import { atLeast, BUDGET } from '../budget.js';
import { signedUserAnswer } from '../fixtures/signed-user.js';
import { do_not_optimize, inRounds, time } from '../harness.js';
import { fig, type Row } from '../results.js';
import { type Figure, figure, ratioFigure } from '../stats.js';

const SECTION = '3 signed-answer verify';
const SECRET = '5ec7e7de7e10b000000000000000000000000000000000000000000000000051';

/** Options of the verification section. */
export interface VerifyOptions {
  rounds: number;
  minTimeMs: number;
}

/** Calls per mitata sample: short samples (a few ms), so that the median sample shrugs off bursts of load. */
const BATCH = 32;

function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

const VARIANTS = ['sdk', 'subtle', 'joseKey', 'joseBytes'] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * Row 3: ops/s verifying a signed answer of the `getUser` shape (HS256): the SDK's verify
 * path (the client's answer verifier: key imported once per client, service clock), against raw
 * `crypto.subtle.verify` with an imported key over pre-decoded bytes (the floor), jose
 * `jwtVerify` with a cached `CryptoKey`, and jose `jwtVerify` given the raw secret bytes.
 */
export async function benchVerify(options: VerifyOptions): Promise<Row[]> {
  const token = await signedUserAnswer(SECRET);
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const signingInput: Uint8Array<ArrayBuffer> = new TextEncoder().encode(`${header}.${payload}`);
  const signatureBytes = base64urlDecode(signature);
  const secretBytes = new TextEncoder().encode(SECRET);
  // Exactly the client's verifier (AuthLiteClient builds it the same way): HMAC key imported once, service clock, a user answer.
  const verifier = createAnswerVerifier(new ClientCredentials('bench-api-key', SECRET), 5, new ServiceClock(SYSTEM_CLOCK));
  const sdkVerify = (answer: string) => verifier(answer, true);
  const key = await crypto.subtle.importKey('raw', secretBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);

  const fns: Record<Variant, () => Promise<unknown>> = {
    sdk: async () => do_not_optimize(await sdkVerify(token)),
    subtle: async () => do_not_optimize(await crypto.subtle.verify('HMAC', key, signatureBytes, signingInput)),
    joseKey: async () => do_not_optimize(await jwtVerify(token, key, { algorithms: ['HS256'] })),
    joseBytes: async () => do_not_optimize(await jwtVerify(token, secretBytes, { algorithms: ['HS256'] })),
  };
  // All four must accept the answer before anything is timed.
  const claims = await sdkVerify(token);
  const jose = await jwtVerify(token, key, { algorithms: ['HS256'] });
  if (claims['jti'] !== jose.payload.jti || !(await crypto.subtle.verify('HMAC', key, signatureBytes, signingInput)))
    throw new Error('verification paths disagree');

  const timings = await inRounds(VARIANTS, options.rounds, (variant) =>
    time(fns[variant], { minTimeMs: options.minTimeMs, batchSamples: BATCH }),
  );
  const ops = Object.fromEntries(VARIANTS.map((v) => [v, figure(timings[v].map((t) => 1e9 / t.p50Ns))])) as Record<Variant, Figure>;
  const names: Record<Variant, string> = {
    sdk: 'SDK verify path',
    subtle: 'crypto.subtle.verify (floor)',
    joseKey: 'jose jwtVerify, cached CryptoKey',
    joseBytes: 'jose jwtVerify, raw secret bytes',
  };
  const row = (baseline: Variant, limit?: number): Row => {
    const ratio = ratioFigure(ops.sdk, ops[baseline]);
    return {
      section: SECTION,
      figure: names.sdk,
      unit: 'ops/s',
      authlite: fig(ops.sdk),
      baseline: { name: names[baseline], value: fig(ops[baseline]) },
      ratio,
      ...(limit === undefined ? {} : { budget: atLeast(ratio.median, limit) }),
    };
  };
  return [row('subtle'), row('joseKey', BUDGET.verifyVsJoseCachedKey), row('joseBytes')];
}
