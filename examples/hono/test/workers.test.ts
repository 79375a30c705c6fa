// The example bundled as wrangler would (workerd conditions) and run in workerd through Miniflare.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_BUNDLE_OPTIONS } from '@authlite/test-helpers';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { appSettings, honoExampleScenario } from './scenario.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

honoExampleScenario('Workers (workerd via Miniflare)', async (emulator) => {
  const bundle = await build({
    entryPoints: [join(root, 'src/worker.ts')],
    ...WORKER_BUNDLE_OPTIONS,
  });
  const mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text ?? '',
    compatibilityDate: '2026-07-01',
    cf: false,
    bindings: appSettings(emulator),
  });
  await mf.ready;
  return {
    send: async (path, { method = 'GET', cookie = '' }) =>
      (await mf.dispatchFetch(`http://app.local${path}`, {
        method,
        redirect: 'manual',
        headers: cookie ? { cookie } : {},
      })) as unknown as Response,
    stop: () => mf.dispose(),
  };
});
