type Scope = Record<string, unknown>;

const obj = (value: unknown): Scope | undefined => (typeof value === 'object' && value !== null ? (value as Scope) : undefined);

/**
 * Names the runtime from its own globals, independently of core's detection (this is the
 * oracle core is checked against): `deno`, `bun`, `edge-runtime`, `workerd`, `node`,
 * `chromium`, or `unknown`, with the version the runtime reports.
 */
export function runtimeLabel(scope: object = globalThis): { name: string; version: string } {
  const g = scope as Scope;
  const deno = obj(obj(g['Deno'])?.['version']);
  if (deno) return { name: 'deno', version: String(deno['deno']) };
  const bun = obj(g['Bun']);
  if (bun) return { name: 'bun', version: String(bun['version']) };
  if (typeof g['EdgeRuntime'] === 'string') return { name: 'edge-runtime', version: String(g['EdgeRuntime']) };
  const userAgent = String(obj(g['navigator'])?.['userAgent'] ?? '');
  if (userAgent === 'Cloudflare-Workers') return { name: 'workerd', version: 'Cloudflare-Workers' };
  const node = obj(obj(g['process'])?.['versions'])?.['node'];
  if (typeof node === 'string') return { name: 'node', version: node };
  const chrome = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(userAgent);
  if (chrome && obj(g['document'])) return { name: 'chromium', version: chrome[1] ?? '' };
  return { name: 'unknown', version: userAgent };
}

/** True when the page has a `window` and a `document` of its own (not a stub added by the scenario). */
export function hasWindowAndDocument(scope: object = globalThis): boolean {
  const g = scope as Scope;
  return obj(g['window']) !== undefined && obj(g['document']) !== undefined;
}
