import { AuthLiteClient, type AuthLiteClientOptions } from '@authlite/core';
import { parseSnapshot, snapshotKey } from '@authlite/core/store';
import { CONFORMANCE_CASES } from './cases/index.js';
import { countingStore } from './counting-store.js';
import { EmulatorControl } from './emulator-control.js';
import { hangingStore } from './hanging-store.js';
import { jsonEqual } from './json-equal.js';
import { ManualClock } from './manual-clock.js';
import type { CaseContext, CaseResult, ConformanceCase, ConformanceConfig, OrgCredentials, StoreTarget } from './types.js';

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function contextFor(target: StoreTarget, config: ConformanceConfig, emu: EmulatorControl, space: string): CaseContext {
  const { main, other } = config.orgs;
  const spaceOf = (suffix?: string) => (suffix ? `${space}-${suffix}` : space);
  const clock = new ManualClock();
  return {
    target,
    emu,
    main,
    other,
    openStore: async (org: OrgCredentials = main, suffix?: string) => target.openStore(spaceOf(suffix), org.orgId),
    writeRaw: (raw, org = main) => target.writeRaw(space, org.orgId, snapshotKey(org.orgId), raw),
    hangingStore: async (hang) => {
      if (hang === 'reads-and-writes' && target.openHangingStore) return target.openHangingStore(spaceOf('hung'), main.orgId);
      return hangingStore(await target.openStore(spaceOf(`hung-${hang}`), main.orgId), hang);
    },
    stored: async (store, org = main) => parseSnapshot(await store.get(snapshotKey(org.orgId)), org.orgId),
    client: (store, options = {}) => {
      const org = options.org ?? main;
      const clientOptions: AuthLiteClientOptions = {
        ...(config.clientOptions as Partial<AuthLiteClientOptions> | undefined),
        apiKey: org.apiKey,
        secretKey: org.secretKey,
        orgId: org.orgId,
        baseUrl: config.emulatorUrl,
        roleStore: store,
        clock,
      };
      if (options.storeTimeout !== undefined) clientOptions.storeTimeout = options.storeTimeout;
      if (options.maxAge !== undefined) clientOptions.maxAge = options.maxAge;
      return new AuthLiteClient(clientOptions);
    },
    counting: countingStore,
    clock,
  };
}

/** The cases `config.only` selects (all by default). */
export function selectedCases(config: Pick<ConformanceConfig, 'only'>): readonly ConformanceCase[] {
  return config.only ? CONFORMANCE_CASES.filter((c) => config.only?.includes(c.id)) : CONFORMANCE_CASES;
}

/**
 * Runs the store contract against `target`, one case after the other, each in a namespace of
 * its own and after resetting the emulator. Never throws for a failing case: each result says
 * what was observed, what was expected, and the error if the case threw. Runtime neutral: it
 * needs only `fetch`, WebCrypto and timers, so it runs in Node, Deno, Bun, workerd and browsers.
 */
export async function runConformance(target: StoreTarget, config: ConformanceConfig): Promise<CaseResult[]> {
  const emu = new EmulatorControl(config.emulatorUrl);
  const results: CaseResult[] = [];
  try {
    for (const [i, c] of selectedCases(config).entries()) {
      const started = Date.now();
      const base = { id: c.id, title: c.title, expected: c.expected };
      try {
        await emu.reset();
        const observed = await c.run(contextFor(target, config, emu, `${config.runId}-${i}-${c.id}`));
        results.push({ ...base, observed, ok: jsonEqual(observed, c.expected), ms: Date.now() - started });
      } catch (error) {
        results.push({ ...base, error: describeError(error), ok: false, ms: Date.now() - started });
      }
    }
  } finally {
    await target.close?.();
  }
  return results;
}
