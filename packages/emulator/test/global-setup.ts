import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI test runs the built CLI. Building is the build phase's job (turbo builds every package
 * before any test starts); a rebuild here would rewrite dist/ while other packages' tests read it.
 */
export default function setup(): void {
  const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/node/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (corepack pnpm build, or bash scripts/test.sh)`);
}
