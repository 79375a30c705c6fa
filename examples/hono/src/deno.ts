// The app on Deno: `deno run --allow-net=127.0.0.1 --allow-env --allow-read --sloppy-imports src/deno.ts` (PORT, default 8000; 0 picks a free one).
import { type AppEnv, createApp } from './app.js';

const settings = Object.fromEntries(
  [
    'TRUSTAUTHX_API_KEY',
    'TRUSTAUTHX_SECRET_KEY',
    'TRUSTAUTHX_ORG_ID',
    'TRUSTAUTHX_BASE_URL',
    'TRUSTAUTHX_WIDGET_URL',
    'AUTHLITE_SESSION_CACHE_TTL_S',
  ].map((name) => [name, Deno.env.get(name)]),
) as unknown as AppEnv;
const app = createApp(settings);
Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}`),
  },
  app.fetch,
);
