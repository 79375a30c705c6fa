/** The cookies one browser keeps for one host: what it stores from `Set-Cookie` and sends back. */
export class CookieJar {
  readonly cookies: Map<string, string> = new Map();

  /** Stores the `Set-Cookie` lines of `response`; a cookie with `Max-Age=0` is removed. */
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      if (attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }

  /** The value of cookie `name`, if the browser holds it. */
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sets a raw cookie value, as a tampering browser would send it. */
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** The `Cookie` request header. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A copy, for replaying an old session. */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }
}
