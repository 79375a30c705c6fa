/**
 * esbuild options that bundle a Worker as wrangler does (the `workerd`, `worker`, `browser`
 * export conditions), into memory: spread them into `build({ entryPoints, ... })`.
 */
export const WORKER_BUNDLE_OPTIONS: {
  bundle: true;
  write: false;
  format: 'esm';
  platform: 'neutral';
  target: string;
  conditions: string[];
  mainFields: string[];
  logLevel: 'silent';
} = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['browser', 'module', 'main'],
  logLevel: 'silent',
};
