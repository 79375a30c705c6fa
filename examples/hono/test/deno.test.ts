// The example's src/deno.ts run by the npm deno binary (bare imports from node_modules).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSettings, honoExampleScenario } from './scenario.js';
import { binary, serveProcess } from './serve-process.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

honoExampleScenario('Deno', (emulator) =>
  serveProcess(
    binary('deno', root),
    ['run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', '--sloppy-imports', join(root, 'src/deno.ts')],
    {
      cwd: root,
      env: { ...process.env, ...appSettings(emulator), PORT: '0', NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    },
  ),
);
