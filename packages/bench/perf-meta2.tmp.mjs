import { build } from 'esbuild';
const r = await build({ entryPoints: ['/work/wt/perf/packages/core/src/index.ts'], bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', target: 'es2022', conditions: ['workerd','worker','browser'], metafile: true, logLevel: 'silent', outfile: '/tmp/x.js' });
const out = Object.values(r.metafile.outputs)[0];
console.log(Object.entries(out.inputs).filter(([k]) => !k.includes('node_modules')).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).map(([k, v]) => `${v.bytesInOutput} ${k.replace(/.*core\/src\//, '')}`).join('\n'));
