// What a user's browser does on the emulator's pages: submit a form, follow the 303 redirect
// to the callback, and hand the `code` query parameter to the app.

async function submitForm(pageUrl: string, fields: Record<string, string>): Promise<URL> {
  const response = await fetch(pageUrl, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`the form at ${new URL(pageUrl).pathname} answered ${response.status}`);
  return new URL(location);
}

/** Signs in on the login widget; returns the login code from the callback redirect. */
export async function signInOnWidget(loginUrl: string, email: string): Promise<string> {
  return (await submitForm(loginUrl, { email })).searchParams.get('code') ?? '';
}

/** Saves the edit-profile form; returns the re-auth code and whether anything changed (`ac`). */
export async function saveProfile(editUrl: string, name: string): Promise<{ code: string; changed: boolean }> {
  const callback = await submitForm(editUrl, { name });
  return { code: callback.searchParams.get('code') ?? '', changed: callback.searchParams.get('ac') === 'true' };
}

/** Moves the emulator's clock forward (control API). */
export async function advanceClock(emulatorUrl: string, seconds: number): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_s: seconds }),
  });
  if (!response.ok) throw new Error(`the emulator clock answered ${response.status}`);
}
