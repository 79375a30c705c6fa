// The API reference: typedoc over every entry point (exports subpath) of every public package,
// into docs/. Undocumented exports, broken {@link}s and exported types that are not reachable
// are errors (validation warnings treated as errors), so the check fails on any of them.
//
//   node scripts/docs.mjs            writes docs/ (what `corepack pnpm run docs` runs)
//   node scripts/docs.mjs --check    validates only, writes nothing; exits 1 on any problem
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Application, LogLevel } from 'typedoc';

const root = join(import.meta.dirname, '..');

/** Every public package: `{ name, entries }`, entries as `packages/<dir>/src/<name>.ts` per exports subpath. */
export function publicPackages() {
  const packages = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const manifestFile = join(root, 'packages', dir, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.private) continue;
    const entries = [];
    const specifiers = new Map();
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === './package.json') continue;
      const file = typeof target === 'string' ? target : target.default;
      const source = file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
      entries.push(join(root, 'packages', dir, source));
      // typedoc names a module by its path from the common root: `core/src`, `emulator/src/node`.
      specifiers.set(
        `${dir}/${source.replace(/\.ts$/, '').replace(/\/index$/, '')}`,
        subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      );
    }
    packages.push({ name: manifest.name, entries, specifiers });
  }
  return packages;
}

/**
 * Runs typedoc. Resolves with the validation problems (warnings and errors, as text) and, unless
 * `check`, writes the HTML reference into `out`.
 */
export async function buildDocs({ check = false, out = join(root, 'docs') } = {}) {
  const problems = [];
  const app = await Application.bootstrapWithPlugins({
    entryPoints: publicPackages().flatMap((pkg) => pkg.entries),
    // typedoc only validates the documentation of the packages named here (by default: the root's).
    packagesRequiringDocumentation: publicPackages().map((pkg) => pkg.name),
    // The exports themselves (members of an interface or class are documented by its comment).
    requiredToBeDocumented: ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias', 'Namespace'],
    entryPointStrategy: 'resolve',
    tsconfig: join(root, 'tsconfig.docs.json'),
    out,
    name: 'authlite',
    readme: join(root, 'README.md'),
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    validation: {
      notExported: true,
      invalidLink: true,
      notDocumented: true,
      unusedMergeModuleWith: true,
      rewrittenLink: true,
      invalidPath: true,
    },
    treatWarningsAsErrors: false,
    treatValidationWarningsAsErrors: true,
    logLevel: LogLevel.Warn,
    githubPages: false,
    disableSources: true,
    skipErrorChecking: true, // the typecheck task reports type errors
  });
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    if (level >= LogLevel.Warn) problems.push(typeof message === 'string' ? message : String(message));
    log(message, level);
  };
  const project = await app.convert();
  if (!project) return { problems: problems.length ? problems : ['typedoc could not convert the project'] };
  const specifiers = new Map(publicPackages().flatMap((pkg) => [...pkg.specifiers]));
  for (const module of project.children ?? []) module.name = specifiers.get(module.name) ?? module.name;
  app.validate(project);
  if (!check && problems.length === 0) await app.generateDocs(project, out);
  return { problems, exports: Object.keys(project.reflections).length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { problems } = await buildDocs({ check: process.argv.includes('--check') });
  if (problems.length) {
    console.error(`docs: ${problems.length} problem(s); every public export needs TSDoc`);
    process.exit(1);
  }
  console.log(process.argv.includes('--check') ? 'docs: every public export is documented' : 'docs: API reference written to docs/');
}
