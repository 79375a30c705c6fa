// The app on Cloudflare Workers: settings from the bindings, one app per isolate.
import { type AppEnv, createApp } from './app.js';

let made: { env: AppEnv; app: ReturnType<typeof createApp> } | undefined;

export default {
  fetch(request: Request, env: AppEnv): Response | Promise<Response> {
    if (made?.env !== env) made = { env, app: createApp(env) };
    return made.app.fetch(request, env);
  },
};
