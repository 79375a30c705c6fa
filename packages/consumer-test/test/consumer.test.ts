// The published packages as a stranger gets them: every public package packed, the tarballs
// installed with npm into fresh projects outside the workspace, then used from Node (ESM on
// Node 20, 22 and 24, CommonJS require), tsc (node16, nodenext, bundler), Deno, Bun, a Worker
// bundled by wrangler and run in workerd, and a Next.js app build.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmProject } from '../src/consumer-project.js';
import { packAll } from '../src/pack.js';
import { lastJsonLine, run } from '../src/run.js';
import { fixturesDir, nodeBinary, publicPackages, workspaceBin, workspaceVersion } from '../src/workspace.js';

const ADMIN_ROLE_ID = 'rol_adm_00000000000000a1';
const packages = publicPackages();
/** Next.js, React and the types a TypeScript app of theirs has, at the versions this workspace pins. */
const frameworkSpecs = ['next', 'react', 'react-dom', '@types/react', '@types/react-dom', '@types/node'].map(
  (name) => `${name}@${workspaceVersion(name)}`,
);

let root: string;
let tarballs: Map<string, string>;
let coreAlone: string;
let full: string;
let worker: string;
let emulator: RunningEmulator;

interface ScenarioOutput {
  runtime: string;
  email: string;
  valid: boolean;
  canWriteBilling: boolean;
  canReadPosts: boolean;
  badInput: string;
}

/** The request log of the emulator since the last reset: `METHOD path` → count. */
async function requestCounts(): Promise<Map<string, number>> {
  const entries = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as Array<{ method: string; path: string }>;
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(`${entry.method} ${entry.path}`, (counts.get(`${entry.method} ${entry.path}`) ?? 0) + 1);
  return counts;
}

async function resetEmulator(): Promise<void> {
  await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
}

function scenarioEnv(email: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EMULATOR_URL: emulator.url,
    EMULATOR_ORG_ID: emulator.org_id,
    EMULATOR_API_KEY: emulator.api_key,
    EMULATOR_SECRET_KEY: emulator.secret_key,
    ADMIN_ROLE_ID,
    CONSUMER_EMAIL: email,
  };
}

/** Runs the shared scenario with `command` and checks what it saw and what reached the emulator. */
async function runScenario(cwd: string, command: string, args: string[], email: string): Promise<ScenarioOutput> {
  await resetEmulator();
  const { stdout } = await run(command, args, { cwd, env: scenarioEnv(email) });
  const output = lastJsonLine<ScenarioOutput>(stdout);
  expect(output).toMatchObject({ email, valid: true, canWriteBilling: true, canReadPosts: false, badInput: 'ValidationError true' });
  const counts = await requestCounts();
  expect(counts.get('GET /api/user/me/auth/data')).toBe(1);
  expect(counts.get('GET /api/user/me/auth/validate/token')).toBe(1);
  expect(counts.get('GET /rbac/role'), 'two role checks, one role list request (the role cache)').toBe(1);
  return output;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'authlite-consumer-'));
  emulator = await startEmulator({ port: 0 });
  tarballs = await packAll(packages, join(root, 'tarballs'));
  const tarball = (name: string) => tarballs.get(name) ?? '';
  [coreAlone, full, worker] = await Promise.all([
    npmProject(join(root, 'core-alone'), [tarball('@authlite/core')], [[join(fixturesDir, 'node'), '.']]),
    npmProject(
      join(root, 'full'),
      [...tarballs.values(), ...frameworkSpecs],
      [
        [join(fixturesDir, 'node'), '.'],
        [join(fixturesDir, 'types'), 'src'],
        [join(fixturesDir, 'next-app'), '.'],
      ],
    ),
    npmProject(join(root, 'worker'), [tarball('@authlite/core'), tarball('@authlite/store-kv')], [[join(fixturesDir, 'worker'), '.']]),
  ]);
});

afterAll(async () => {
  await emulator?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the tarballs', () => {
  it('hold one bundled file and one rolled-up .d.ts per entry, no sources, no unbundled modules', async () => {
    for (const pkg of packages) {
      const { stdout } = await run('tar', ['-tzf', tarballs.get(pkg.name) ?? ''], { cwd: root });
      const files = stdout
        .trim()
        .split('\n')
        .map((file) => file.replace(/^package\//, ''));
      expect(
        files.filter((file) => file.startsWith('src/')),
        pkg.name,
      ).toEqual([]);
      expect(files, pkg.name).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
      const jsFiles = files.filter((file) => file.endsWith('.js'));
      // Entries plus the shared chunks of a multi-entry package (each class in one chunk); never a module per source file.
      expect(jsFiles.length, `${pkg.name}: ${jsFiles.join(', ')}`).toBeLessThanOrEqual(pkg.exports.length * 2 + 2);
    }
    const sizes = packages.map(
      (pkg) => `${pkg.name.replace('@authlite/', '')} ${(statSync(tarballs.get(pkg.name) ?? '').size / 1024).toFixed(1)}`,
    );
    console.log(`consumer figure: tarballs, packed KiB: ${sizes.join(', ')}`);
  });

  it('core installs on its own: its only dependencies are published ones (no workspace package)', () => {
    const installed = readdirSync(join(coreAlone, 'node_modules', '@authlite'));
    expect(installed).toEqual(['core']);
    const manifest = JSON.parse(readFileSync(join(coreAlone, 'node_modules/@authlite/core/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['jose', 'ky', 'valibot']);
    const unpacked = readdirSync(join(coreAlone, 'node_modules/@authlite/core/dist')).reduce(
      (sum, file) => sum + statSync(join(coreAlone, 'node_modules/@authlite/core/dist', file)).size,
      0,
    );
    console.log(`consumer figure: @authlite/core dist unpacked: ${(unpacked / 1024).toFixed(1)} KiB`);
    expect(unpacked).toBeLessThan(256 * 1024);
  });

  it('the stores and @authlite/next take core as a peer dependency range, and npm installs one copy of core', async () => {
    for (const name of ['@authlite/next', '@authlite/store-idb', '@authlite/store-kv']) {
      const manifest = JSON.parse(readFileSync(join(full, 'node_modules', name, 'package.json'), 'utf8')) as {
        peerDependencies?: Record<string, string>;
        dependencies?: Record<string, string>;
      };
      expect(manifest.peerDependencies?.['@authlite/core'], name).toMatch(/^\^\d+\.\d+\.\d+$/);
      expect(manifest.dependencies?.['@authlite/core'], name).toBeUndefined();
    }
    const { stdout } = await run('npm', ['ls', '@authlite/core', '--all', '--parseable'], { cwd: full });
    expect(new Set(stdout.trim().split('\n')).size).toBe(1);
  });

  it("@authlite/next recognises the app's core errors (one core class across packages): refused tokens go to the login page", async () => {
    await resetEmulator();
    const { stdout } = await run(process.execPath, ['next-middleware.mjs'], { cwd: full, env: scenarioEnv('next-peer@example.com') });
    const answer = lastJsonLine<{ status: number; location: string | null }>(stdout);
    expect(answer.status).toBe(307);
    expect(answer.location?.startsWith(`${emulator.url}/widget/login/?org_id=${emulator.org_id}`), String(answer.location)).toBe(true);
    expect((await requestCounts()).get('GET /api/user/me/auth/validate/token')).toBeGreaterThanOrEqual(1);
  });

  it('export each class once: a name exported by two entries of one package is the same object', async () => {
    const specifiers = packages.flatMap((pkg) =>
      pkg.exports.map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`)),
    );
    const { stdout } = await run(process.execPath, ['entries.mjs', ...specifiers], { cwd: full });
    const result = lastJsonLine<{ entries: number; compared: number; duplicates: string[] }>(stdout);
    expect(result.entries).toBe(specifiers.length);
    expect(result.duplicates).toEqual([]);
  });
});

describe('Node', () => {
  it.each([
    ['20', process.execPath],
    ['22', nodeBinary('node22')],
    ['24', nodeBinary('node24')],
  ])('Node %s: an ESM script with core alone logs in, checks the token and a role against the emulator', async (major, node) => {
    const output = await runScenario(coreAlone, node, ['consumer.mjs'], `node${major}@example.com`);
    expect(output.runtime).toMatch(new RegExp(`^node ${major}\\.`));
  });

  it('CommonJS: require() gets the ES module namespace of each package (Node >= 20.19)', async () => {
    const { stdout, stderr } = await run(process.execPath, ['require.cjs'], { cwd: full });
    expect(lastJsonLine(stdout)).toEqual({
      namespace: '[object Module]',
      client: 'function',
      error: 'ConfigurationError',
      kv: 'function',
      emulator: 'function',
    });
    console.log(
      `consumer figure: require(esm) on Node ${process.versions.node}: ${stderr.includes('ExperimentalWarning') ? 'works, with an ExperimentalWarning' : 'works, no warning'}`,
    );
  });

  it('the emulator tarball serves the wire contract from its own CLI entry', async () => {
    const script =
      "import { startEmulator } from '@authlite/emulator/node'; const e = await startEmulator({ port: 0 }); const r = await fetch(e.url + '/rbac/role', { headers: { 'api-key': e.api_key } }); console.log(JSON.stringify({ status: r.status })); await e.stop();";
    writeFileSync(join(full, 'emulator.mjs'), script);
    const { stdout } = await run(process.execPath, ['emulator.mjs'], { cwd: full });
    expect(lastJsonLine<{ status: number }>(stdout).status).toBeGreaterThanOrEqual(200);
    expect(existsSync(join(full, 'node_modules/.bin/authlite-emulator'))).toBe(true);
  });
});

describe('TypeScript', () => {
  const tsc = () => workspaceBin('typescript', 'tsc');
  const check = (name: string, compilerOptions: Record<string, unknown>, file = 'src/consumer.ts') => {
    // skipLibCheck as in Next.js's and most apps' tsconfig; the @ts-expect-error lines in the
    // consumer still fail if a type of ours resolves to `any`.
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        ...compilerOptions,
      },
      files: [file],
    };
    writeFileSync(join(full, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
    return run(process.execPath, [tsc(), '-p', `tsconfig.${name}.json`], { cwd: full });
  };

  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('type-checks a consumer of every package under %s resolution', async (name, options) => {
    const { stdout } = await check(name, options);
    expect(stdout).toBe('');
  });

  it('the old node (node10) resolution finds the root entries through main/types, but no subpath', async () => {
    const failure = await check('node10', { module: 'commonjs', moduleResolution: 'node10' }, 'src/node10.ts').then(
      () => '',
      (error: Error) => error.message,
    );
    const missing = [...failure.matchAll(/Cannot find module '([^']+)'/g)].map((match) => match[1]);
    expect(missing).toEqual(['@authlite/emulator/node']);
  });
});

describe('Deno and Bun', () => {
  it('Deno runs the same script from the npm-installed node_modules', async () => {
    const output = await runScenario(
      full,
      workspaceBin('deno', 'deno'),
      ['run', '--allow-net', '--allow-env', '--allow-read', 'consumer.mjs'],
      'deno@example.com',
    );
    expect(output.runtime).toMatch(/^deno 2\./);
  });

  it('Bun runs the same script', async () => {
    const output = await runScenario(full, workspaceBin('bun', 'bun'), ['consumer.mjs'], 'bun@example.com');
    expect(output.runtime).toMatch(/^bun 1\./);
  });
});

describe('Cloudflare Worker', () => {
  it('wrangler deploy --dry-run bundles it, and the bundle answers in workerd', async () => {
    const wrangler = workspaceBin('wrangler', 'wrangler');
    const { stdout } = await run(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', 'out'], {
      cwd: worker,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', WRANGLER_LOG_PATH: join(worker, 'wrangler-logs') },
    });
    expect(stdout).toMatch(/--dry-run: exiting now/);
    const bundle = readFileSync(join(worker, 'out', 'worker.js'));
    console.log(
      `consumer figure: Worker bundle (wrangler 4.86.0, core + store-kv): ${(bundle.length / 1024).toFixed(1)} KiB, ${(gzipSync(bundle).length / 1024).toFixed(1)} KiB gzip`,
    );
    expect(bundle.length).toBeGreaterThan(10_000);

    const { Miniflare } = await import('miniflare');
    const mf = new Miniflare({
      modules: [{ type: 'ESModule', path: 'worker.js', contents: bundle.toString('utf8') }],
      compatibilityDate: '2026-04-01',
      kvNamespaces: ['ROLES'],
      bindings: {
        EMULATOR_URL: emulator.url,
        EMULATOR_ORG_ID: emulator.org_id,
        EMULATOR_API_KEY: emulator.api_key,
        EMULATOR_SECRET_KEY: emulator.secret_key,
      },
      cf: false,
    });
    try {
      await resetEmulator();
      const response = await mf.dispatchFetch(`http://worker.test/check?role=${ADMIN_ROLE_ID}`);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(JSON.parse(text)).toEqual({ email: 'worker@example.com', valid: true, canWriteBilling: true });
      expect((await requestCounts()).get('GET /rbac/role')).toBe(1);
    } finally {
      await mf.dispose();
    }
  });
});

describe('Next.js', () => {
  it('next build of an app whose middleware is the @authlite/next proxy compiles the middleware', async () => {
    const next = join(full, 'node_modules', 'next', 'dist', 'bin', 'next');
    const { stdout } = await run(process.execPath, [next, 'build'], { cwd: full, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    expect(stdout).toMatch(/Compiled successfully|Compiled/);
    const manifest = JSON.parse(readFileSync(join(full, '.next', 'server', 'middleware-manifest.json'), 'utf8')) as {
      middleware: Record<string, unknown>;
    };
    expect(Object.keys(manifest.middleware)).toEqual(['/']);
  });
});
