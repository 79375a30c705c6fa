// The build of every public package (run in the package's directory): one bundled ESM file
// per subpath of the package's `exports` map (`./dist/x.js` is built from `src/x.ts`, and so
// is each `bin`), shared code in shared chunks so that no class exists twice, and one
// rolled-up `.d.ts` per entry. Entries come from package.json, so a subpath added to
// `exports` builds without touching this file. Dependencies and peer dependencies stay
// imports; anything else a package imports (a devDependency) is bundled in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'tsdown';

/** `./dist/a/b.js` → `a/b`. */
function entryName(target) {
  const match = /^\.\/dist\/(.+)\.js$/.exec(target);
  if (!match) throw new Error(`package.json target ${target} is not ./dist/<name>.js`);
  return match[1];
}

/** `{ 'a/b': 'src/a/b.ts' }` for every exports subpath and bin of the package in `dir`. */
export function entriesOf(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const targets = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === './package.json') continue;
    targets.push(typeof target === 'string' ? target : target.default);
  }
  if (typeof manifest.bin === 'string') targets.push(manifest.bin);
  else targets.push(...Object.values(manifest.bin ?? {}));
  return Object.fromEntries(targets.map((target) => [entryName(target), `src/${entryName(target)}.ts`]));
}

const dir = process.cwd();
await build({
  config: false,
  cwd: dir,
  entry: entriesOf(dir),
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outDir: 'dist',
  clean: true,
  dts: { sourcemap: false },
  sourcemap: false,
  hash: false,
  fixedExtension: false,
  tsconfig: 'tsconfig.build.json',
  deps: { neverBundle: [/^node:/] },
  checks: { pluginTimings: false },
  logLevel: 'warn',
});
