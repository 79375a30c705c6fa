// Runs in a fresh Node process: imports one variant, and prints {"ms": <time>} to stdout.
// `core`: import @authlite/core and construct a client; `single`: the same from the module
// file given as the next argument (core bundled into one module); `deps`: its dependencies
// alone; `jose`: jose alone. Timed from just before the dynamic import (process start excluded).
const [variant, file] = process.argv.slice(2);
const t0 = performance.now();
if (variant === 'core' || variant === 'single') {
  const { AuthLiteClient } = (await import(variant === 'core' ? '@authlite/core' : (file as string))) as typeof import('@authlite/core');
  new AuthLiteClient({ apiKey: 'benchbenchbenchbench', secretKey: 'secretsecretsecret', orgId: 'bench-org' });
} else if (variant === 'deps') {
  await import('./deps.js');
} else if (variant === 'jose') {
  await import('jose');
} else {
  throw new Error(`unknown variant ${variant}`);
}
process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }));
