// The app on Bun: `bun run src/bun.ts` (PORT, default 3000; 0 picks a free one).
import { type AppEnv, createApp } from './app.js';

const app = createApp(Bun.env as unknown as AppEnv);
const server = Bun.serve({ hostname: '127.0.0.1', port: Number(Bun.env['PORT'] ?? 3000), fetch: app.fetch });
console.log(`listening on http://127.0.0.1:${server.port}`);
