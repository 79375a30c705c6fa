/** Every form a token could take in a store: as is, each of its JWS segments, base64url, base64, percent-encoded. */
function encodingsOf(token: string): string[] {
  const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(token)));
  const base64url = base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const segments = token.split('.').filter((segment) => segment.length >= 16);
  return [token, ...segments, base64, base64url, encodeURIComponent(token)];
}

/** The raw store texts (keys and values) in which one of `tokens` appears in any encoding. */
export function graceLeaks(raw: string[], tokens: string[]): string[] {
  const forms = tokens.flatMap(encodingsOf).filter((form) => form.length >= 8);
  return raw.filter((text) => forms.some((form) => text.includes(form)));
}
