import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSetup } from '../../nextjs/test/global-setup.js';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export default appSetup(appDir, 'middleware.ts', resolve(appDir, '../../.tmp/test-artifacts/nextjs-middleware'));
