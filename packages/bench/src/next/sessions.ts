import type { RemoteEmulator } from '../emulator/remote.js';

/** The `name=value` pairs of a response's `Set-Cookie` lines, deletions left out. */
function cookiePairs(response: Response): string[] {
  return response.headers
    .getSetCookie()
    .filter((line) => !/max-age=0/i.test(line))
    .map((line) => line.split(';', 1)[0] ?? '');
}

/**
 * Signs in `count` distinct sessions of `email` through the app, as browsers do: a guarded
 * route answers 307 and sets the login nonce, the emulator issues a login code (as if the
 * user passed the widget), and `/auth/callback?code=` sets the session cookies. Returns each
 * session's `cookie` request header. @throws Error when a step answers otherwise.
 */
export async function signInSessions(appUrl: string, emulator: RemoteEmulator, email: string, count: number): Promise<string[]> {
  const one = async (): Promise<string> => {
    const start = await fetch(`${appUrl}/guarded`, { redirect: 'manual' });
    if (start.status !== 307) throw new Error(`GET /guarded without a session answered ${start.status}, not 307`);
    const nonce = cookiePairs(start).join('; ');
    const code = await emulator.loginCode(email);
    const callback = await fetch(`${appUrl}/auth/callback?code=${encodeURIComponent(code)}`, {
      redirect: 'manual',
      headers: { cookie: nonce },
    });
    if (callback.status !== 303) throw new Error(`GET /auth/callback answered ${callback.status}, not 303`);
    const session = cookiePairs(callback).filter((pair) => !pair.startsWith('authlite_login=') && !pair.startsWith('authlite_return'));
    if (session.length === 0) throw new Error('the callback set no session cookie');
    return session.join('; ');
  };
  const sessions: string[] = [];
  // A few at a time: the login path is not what is measured.
  for (let i = 0; i < count; i += 10) sessions.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, one))));
  if (new Set(sessions).size !== count) throw new Error('two sign-ins gave the same session cookie');
  return sessions;
}
