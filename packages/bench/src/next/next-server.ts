import { fileURLToPath } from 'node:url';
import { freePort, buildNextApp as nextBuild, startNextApp as nextStart, type RunningNextApp } from '@authlite/test-helpers/node';

/** The bench's Next.js app (`packages/bench/next-app`): a guarded route, a permission route and a pass-through `/bare`. */
export const NEXT_APP_DIR = fileURLToPath(new URL('../../next-app/', import.meta.url));

/** `next build` of the bench app. @throws Error with the tail of its output when the build fails. */
export function buildNextApp(): void {
  nextBuild(NEXT_APP_DIR);
}

/** `next start` of the built bench app on a loopback port with `env`; resolves once it printed "Ready" and answers `/bare`. */
export async function startNextApp(env: Record<string, string>): Promise<RunningNextApp> {
  return nextStart({ appDir: NEXT_APP_DIR, port: await freePort(), env, probePath: '/bare', urlHost: '127.0.0.1' });
}
