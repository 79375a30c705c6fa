import { describe, expect, it } from 'vitest';
import { encodingsOf, redact, redactThenCut, sanitizeCause } from '../src/errors/redact.js';
import { HttpError, type User } from '../src/index.js';
import { useEmulator } from './emulator.js';

// Issue 9, item 4: redaction survives every encoding the SDK writes and every cut.
const emu = useEmulator();
const TILDE_TOKEN = 'tok~en!with\'quote(s)*and"json\\escapes-0123456789';

describe('redact', () => {
  it('every encoding the SDK writes: raw, encodeURIComponent, URLSearchParams, JSON', () => {
    const forms = encodingsOf(TILDE_TOKEN);
    expect(forms).toContain(TILDE_TOKEN);
    expect(forms).toContain(encodeURIComponent(TILDE_TOKEN));
    expect(forms).toContain(new URLSearchParams({ t: TILDE_TOKEN }).toString().slice(2));
    expect(forms).toContain(JSON.stringify(TILDE_TOKEN).slice(1, -1));
    const url = `http://127.0.0.1:1/api/user/me/data?${new URLSearchParams({ AccessToken: TILDE_TOKEN })}`;
    expect(url).toContain('%7E');
    for (const text of [
      url,
      url.toLowerCase().replace('http', 'HTTP'),
      JSON.stringify({ token: TILDE_TOKEN }),
      `a ${encodeURIComponent(TILDE_TOKEN)} b`,
      `a ${TILDE_TOKEN} b`,
    ]) {
      const out = redact(text, [TILDE_TOKEN]);
      expect(out).toContain('[REDACTED]');
      for (const form of forms) expect(out.toLowerCase()).not.toContain(form.toLowerCase());
    }
    // Percent escapes in lower case (some runtimes print them so) are matched too.
    expect(
      redact(
        `x=${new URLSearchParams({ t: TILDE_TOKEN })
          .toString()
          .slice(2)
          .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
        [TILDE_TOKEN],
      ),
    ).toBe('x=[REDACTED]');
    // A space is written as + by URLSearchParams.
    expect(redact('k=secret+with+space', ['secret with space'])).toBe('k=[REDACTED]');
  });

  it('the start of a secret left at a cut, before an optional ellipsis, from 4 characters on', () => {
    const key = 'apikey-0123456789abcdefghijklmnopqrstuv';
    expect(redact(`detail ${key.slice(0, 31)}`, [key])).toBe('detail [REDACTED]');
    expect(redact(`detail ${key.slice(0, 31)}...`, [key])).toBe('detail [REDACTED]...');
    expect(redact(`detail ${key.slice(0, 31)}\u2026 `, [key])).toBe('detail [REDACTED]\u2026 ');
    expect(redact(`detail ${key.slice(0, 4)}`, [key])).toBe('detail [REDACTED]');
    expect(redact(`detail ${key.slice(0, 3)}`, [key])).toBe(`detail ${key.slice(0, 3)}`);
    // Only at the end: the same start in the middle of a text is not a cut.
    expect(redact(`${key.slice(0, 10)} and more`, [key])).toBe(`${key.slice(0, 10)} and more`);
    expect(redact(`x ${encodeURIComponent(TILDE_TOKEN).slice(0, 20)}`, [TILDE_TOKEN])).toBe('x [REDACTED]');
  });

  it('ignores secrets shorter than 4 characters and empty ones; redacts JWS shapes', () => {
    expect(redact('abc abcd', ['abc', '', undefined])).toBe('abc abcd');
    expect(redact('abcd', ['abcd'])).toBe('[REDACTED]');
    expect(redact('t=eyJhbGciOi.eyJzdWIi.c2ln end', [])).toBe('t=[REDACTED] end');
  });

  it('redacts first, then cuts', () => {
    const key = 'K'.repeat(40);
    const cut = redactThenCut(`${'x'.repeat(490)}${key}`, [key], 500);
    expect(cut).toBe(`${'x'.repeat(490)}[REDACTED]`);
    expect(redactThenCut(`${'x'.repeat(495)}${key}`, [key], 500)).toBe(`${'x'.repeat(495)}[REDA`);
  });

  it('every occurrence, and non-ASCII secrets in lower-case percent escapes', () => {
    expect(redact('abcd1 and abcd1 again', ['abcd1'])).toBe('[REDACTED] and [REDACTED] again');
    const secret = 'p\u00e4ssw\u00f6rd-1234';
    const lower = encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    expect(lower).toContain('%c3%a4');
    expect(redact(`k=${lower}&x=1`, [secret])).toBe('k=[REDACTED]&x=1');
  });

  it('sanitizeCause keeps the cause chain, a plain stack, and a runtime error code', () => {
    const copy = sanitizeCause(new TypeError('fetch failed abcd1', { cause: new Error('inner abcd1') }), ['abcd1']);
    expect([copy.name, copy.message, copy.stack]).toEqual(['TypeError', 'fetch failed [REDACTED]', 'TypeError: fetch failed [REDACTED]']);
    expect((copy.cause as Error).message).toBe('inner [REDACTED]');
    expect(sanitizeCause('plain', []).cause).toBeUndefined();
    const withArrayCode = sanitizeCause(Object.assign(new Error('x'), { code: ['ECONNREFUSED'] }), []);
    expect('code' in withArrayCode).toBe(false);
  });

  it('sanitizeCause keeps a runtime error code, never a value that is not one', () => {
    const withCode = sanitizeCause(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), []);
    expect((withCode as Error & { code?: string }).code).toBe('ECONNREFUSED');
    const withSecret = sanitizeCause(Object.assign(new Error('x'), { code: 'secret-value-123' }), []);
    expect('code' in withSecret).toBe(false);
  });
});

describe('the service detail, redacted before it is cut to 500 characters', () => {
  it('a secret crossing the cut leaves none of its characters (before: up to 31 of the api key)', async () => {
    let user: User | undefined;
    user = await emu.client().getUser(await emu.login('alice@example.com'));
    for (const offset of [460, 480, 490, 496, 499]) {
      const detail = `${'d'.repeat(offset)}${emu.apiKey} ${user.access_token}`;
      await emu.faults([{ path: '/api/user/me/data', status: 400, body: JSON.stringify({ detail }) }]);
      const error = (await emu
        .client()
        .getUserData(user.access_token)
        .catch((e: unknown) => e)) as HttpError;
      expect(error).toBeInstanceOf(HttpError);
      expect(error.detail?.length).toBeLessThanOrEqual(500);
      expect(error.detail?.startsWith('d'.repeat(offset))).toBe(true);
      for (let n = 4; n <= emu.apiKey.length; n++)
        expect(error.detail?.includes(emu.apiKey.slice(0, n)), `offset ${offset}, ${n} chars`).toBe(false);
    }
    user = undefined;
  });

  it("a token with ~ ! ' ( ) echoed URL-encoded by the service is redacted", async () => {
    const echoed = new URLSearchParams({ AccessToken: TILDE_TOKEN }).toString();
    await emu.faults([
      { path: '/api/user/me/data', status: 401, body: JSON.stringify({ detail: `refused ${echoed} and ${JSON.stringify(TILDE_TOKEN)}` }) },
    ]);
    const error = (await emu
      .client()
      .getUserData(TILDE_TOKEN)
      .catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(401);
    expect(error.detail).toBe('refused AccessToken=[REDACTED] and "[REDACTED]"');
  });
});
