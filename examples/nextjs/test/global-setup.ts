// Builds the app once (next build), starts the emulator and `next start`, and hands their
// addresses to every test file of the run. Used by this example (proxy.ts) and by
// examples/nextjs-edge (middleware.ts) with its own directory.
import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { startEmulator } from '@authlite/emulator/node';
import { buildNextApp, freePort, startNextApp } from '@authlite/test-helpers/node';
import type { TestProject } from 'vitest/node';
import { addManyRoles } from '../../../packages/next/test/helpers/many-roles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    app: { url: string; variant: string; buildOutput: string; artifacts: string };
    emulator: { url: string; org_id: string; api_key: string; secret_key: string; widget_url: string };
  }
}

/** The global setup of the example in `appDir`, whose request file is `variant` (proxy.ts or middleware.ts). */
export function appSetup(appDir: string, variant: string, artifacts: string) {
  return async (project: TestProject) => {
    const port = await freePort();
    const seed = structuredClone(DEFAULT_SEED) as EmulatorSeed;
    const org = seed.organisations[0];
    if (!org) throw new Error('the default seed has no organisation');
    // The emulator's organisation sends its users back to this app's callback.
    org.callback_url = `http://localhost:${port}/auth/callback`;
    addManyRoles(seed);
    const emulator = await startEmulator({ port: 0, seed });
    let app;
    try {
      const buildOutput = buildNextApp(appDir);
      app = await startNextApp({
        appDir,
        port,
        probePath: '/',
        urlHost: 'localhost',
        env: {
          TRUSTAUTHX_API_KEY: emulator.api_key,
          TRUSTAUTHX_SECRET_KEY: emulator.secret_key,
          TRUSTAUTHX_ORG_ID: emulator.org_id,
          TRUSTAUTHX_BASE_URL: emulator.url,
          TRUSTAUTHX_WIDGET_URL: emulator.widget_url,
          // The tests move the emulator's clock to expire sessions; the app's cache would not see it.
          AUTHLITE_SESSION_CACHE_TTL: '0',
        },
      });
      project.provide('app', { url: app.url, variant, buildOutput, artifacts });
      project.provide('emulator', {
        url: emulator.url,
        org_id: emulator.org_id,
        api_key: emulator.api_key,
        secret_key: emulator.secret_key,
        widget_url: emulator.widget_url,
      });
    } catch (error) {
      await emulator.stop();
      throw error;
    }
    const running = app;
    return async () => {
      const output = running.output();
      await running.stop();
      await emulator.stop();
      // Checked after the run, over everything the server printed.
      for (const secret of [emulator.api_key, emulator.secret_key])
        if (output.includes(secret)) throw new Error('next start printed a key');
      if (/eyJ[\w-]{20,}/.test(output)) throw new Error('next start printed a token');
    };
  };
}
