// The example's src/bun.ts run by the npm bun binary.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSettings, honoExampleScenario } from './scenario.js';
import { binary, serveProcess } from './serve-process.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

honoExampleScenario('Bun', (emulator) =>
  serveProcess(binary('bun', root), ['run', join(root, 'src/bun.ts')], {
    cwd: root,
    env: { ...process.env, ...appSettings(emulator), PORT: '0', NO_COLOR: '1', DO_NOT_TRACK: '1' },
  }),
);
