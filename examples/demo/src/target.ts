import { startEmulator } from '@authlite/emulator/node';

/** Where the demo runs: the embedded emulator (with its control API) or the real service. */
export interface Target {
  kind: 'emulator' | 'real';
  apiKey: string;
  secretKey: string;
  orgId: string;
  baseUrl?: string | undefined;
  widgetUrl?: string;
  /** The emulator's base URL, for browser-like steps (posting its forms, moving its clock). */
  emulatorUrl?: string;
  stop(): Promise<void>;
}

/** The real service when TRUSTAUTHX_API_KEY, TRUSTAUTHX_SECRET_KEY and TRUSTAUTHX_ORG_ID are set; else the emulator. */
export async function chooseTarget(env: Record<string, string | undefined>): Promise<Target> {
  const { TRUSTAUTHX_API_KEY: apiKey, TRUSTAUTHX_SECRET_KEY: secretKey, TRUSTAUTHX_ORG_ID: orgId } = env;
  if (apiKey && secretKey && orgId) {
    return { kind: 'real', apiKey, secretKey, orgId, baseUrl: env.TRUSTAUTHX_BASE_URL, stop: async () => {} };
  }
  const emulator = await startEmulator({ port: 0 });
  return {
    kind: 'emulator',
    apiKey: emulator.api_key,
    secretKey: emulator.secret_key,
    orgId: emulator.org_id,
    baseUrl: emulator.url,
    widgetUrl: emulator.widget_url,
    emulatorUrl: emulator.url,
    stop: () => emulator.stop(),
  };
}
