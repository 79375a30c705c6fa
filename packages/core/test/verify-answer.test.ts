import { base64url, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidSignedAnswerError } from '../src/index.js';
import { importHmacKey } from '../src/jws/hmac-key.js';
import { checkHeaderFully, checkProtectedHeader, KNOWN_GOOD_HEADER_SEGMENTS } from '../src/jws/protected-header.js';
import { hasDuplicateKey as hasDuplicateKeyIn, parseStrictJsonObject } from '../src/jws/strict-json.js';
import { type VerifyRules, verifySignedAnswer } from '../src/jws/verify-answer.js';

// The time checks and the JSON scanner, at their boundaries. The emulator-backed corpus
// (signed-answers.test.ts) covers every reason over HTTP; this pins each comparison.
const SECRET = 'unit-test-secret-key-0123456789abcdef';
const NOW = 1_800_000_000;
const key = await importHmacKey(SECRET);
const sign = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET));
const rules = (over: Partial<VerifyRules> = {}): VerifyRules => ({ clockToleranceS: 5, requireExp: true, nowS: NOW, ...over });
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof InvalidSignedAnswerError ? error.reason : `other: ${String(error)}`),
  );

describe('verifySignedAnswer time claims (seconds, with clockTolerance)', () => {
  it('exp: accepted while exp + tolerance is after now, expired from the second it is not', async () => {
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW - 4 }), key, rules()))).toBe('accepted');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW - 5 }), key, rules()))).toBe('expired');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW - 5 }), key, rules({ clockToleranceS: 6 })))).toBe('accepted');
  });

  it('exp is required only when asked', async () => {
    expect(await reasonOf(verifySignedAnswer(await sign({ iat: NOW }), key, rules()))).toBe('exp-missing');
    expect(await reasonOf(verifySignedAnswer(await sign({ iat: NOW }), key, rules({ requireExp: false })))).toBe('accepted');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: '1' }), key, rules({ requireExp: false })))).toBe('exp-invalid');
  });

  it('nbf: accepted up to now + tolerance, refused one second later', async () => {
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW + 60, nbf: NOW + 5 }), key, rules()))).toBe('accepted');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW + 60, nbf: NOW + 6 }), key, rules()))).toBe('not-yet-valid');
  });

  it('iat: accepted up to now + tolerance, refused one second later', async () => {
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW + 60, iat: NOW + 5 }), key, rules()))).toBe('accepted');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW + 60, iat: NOW + 6 }), key, rules()))).toBe('issued-in-future');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: NOW + 60, iat: NOW + 6 }), key, rules({ clockToleranceS: 6 })))).toBe(
      'accepted',
    );
  });

  it('uses the system clock when no nowS is given', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(
      await reasonOf(verifySignedAnswer(await sign({ exp: now + 3600, iat: now }), key, { clockToleranceS: 0, requireExp: true })),
    ).toBe('accepted');
    expect(await reasonOf(verifySignedAnswer(await sign({ exp: now - 3600 }), key, { clockToleranceS: 0, requireExp: true }))).toBe(
      'expired',
    );
  });

  it('a signature segment no base64url string has (one character) never verifies', async () => {
    const [header, payload] = (await sign({ exp: NOW + 60 })).split('.');
    expect(await reasonOf(verifySignedAnswer(`${header}.${payload}.A`, key, rules()))).toBe('signature');
  });

  it('returns exactly the verified claims', async () => {
    await expect(verifySignedAnswer(await sign({ exp: NOW + 60, a: [1, { b: 'c' }] }), key, rules())).resolves.toEqual({
      exp: NOW + 60,
      a: [1, { b: 'c' }],
    });
  });

  it('a 16384-character answer is read; one character more is too long', async () => {
    const base = await sign({ exp: NOW + 60, pad: '' });
    const padded = await sign({ exp: NOW + 60, pad: 'x'.repeat(Math.floor(((16_384 - base.length) * 3) / 4)) });
    const exact = padded.length <= 16_384 ? padded : base;
    expect(exact.length).toBeLessThanOrEqual(16_384);
    expect(await reasonOf(verifySignedAnswer(`${exact}`, key, rules()))).toBe('accepted');
    expect(await reasonOf(verifySignedAnswer(`${'a'.repeat(16_385)}`, key, rules()))).toBe('too-long');
    expect(await reasonOf(verifySignedAnswer(`${'a'.repeat(16_384)}`, key, rules()))).toBe('malformed');
  });
});

describe('the HMAC key', () => {
  it('is not extractable, and signs and verifies with SHA-256', async () => {
    const imported = await importHmacKey(SECRET);
    expect([imported.extractable, imported.usages.sort(), (imported.algorithm as HmacKeyAlgorithm).hash.name]).toEqual([
      false,
      ['sign', 'verify'],
      'SHA-256',
    ]);
  });
});

// Each text is judged twice and both must agree: as it is (key tokens counted from its colons,
// unless it has a \u escape), and wrapped in an object with a \u-escaped key (the scan string by string).
const hasDuplicateKey = (text: string) => {
  const asIs = hasDuplicateKeyIn(text, JSON.parse(text));
  const wrapped = `{"\\u0000":0,"w":${text}}`;
  expect([text, hasDuplicateKeyIn(wrapped, JSON.parse(wrapped))]).toEqual([text, asIs]);
  return asIs;
};

describe('the strict JSON object parser', () => {
  it('finds a repeated key at any depth, also when escaped, and never inside strings or arrays', () => {
    expect(hasDuplicateKey('{"a":1,"a":2}')).toBe(true);
    expect(hasDuplicateKey('{"a":1,"\\u0061":2}')).toBe(true);
    expect(hasDuplicateKey('{"x":{"a":1,"b":{"c":[{"d":1,"d":2}]}}}')).toBe(true);
    expect(hasDuplicateKey('{"x":{"a":1},"y":{"a":1}}')).toBe(false);
    expect(hasDuplicateKey('{"a":"a","b":["a","a"],"c":{"a":"\\"a\\",\\"a\\""}}')).toBe(false);
    expect(hasDuplicateKey('{"a":[{},{}],"b":{},"c":[1,{"a":1}]}')).toBe(false);
    expect(hasDuplicateKey('{"a":[1,2],"a":3}')).toBe(true);
    expect(hasDuplicateKey('{"a\\\\":1,"b":"\\\\","a\\\\":2}')).toBe(true);
    expect(hasDuplicateKey('[{"a":1},{"a":1}]')).toBe(false);
    expect(hasDuplicateKey('{ "a" : 1 , "a" : 2 }')).toBe(true);
    // Each JSON whitespace character between a key and its colon (RFC 8259 section 2).
    expect(hasDuplicateKey('{"a"\t:1,"a":2}')).toBe(true);
    expect(hasDuplicateKey('{"a"\n:1,"a":2}')).toBe(true);
    expect(hasDuplicateKey('{"a"\r:1,"a":2}')).toBe(true);
    expect(hasDuplicateKey('{"a" \t\r\n :1,"a":2}')).toBe(true);
    // A string value that opens with a colon is not a key.
    expect(hasDuplicateKey('{"a":":","b":": :"}')).toBe(false);
    expect(hasDuplicateKey('{"a":":","a":": :"}')).toBe(true);
    // The same key in sibling objects of an array, and a repeat hidden under an overwritten value.
    expect(hasDuplicateKey('{"a":[{"k":1},{"k":1,"k":2}]}')).toBe(true);
    expect(hasDuplicateKey('{"a":{"b":1},"a":{"c":2}}')).toBe(true);
    expect(hasDuplicateKey('{"__proto__":1,"__proto__":2}')).toBe(true);
    // Colons inside keys and strings, at any depth, are not key tokens; a dropped value's colons are.
    expect(hasDuplicateKey('{"a":"x:y","b::c":"::"}')).toBe(false);
    expect(hasDuplicateKey('{"a":["x:y",{"c:":"d:"}],"e":[[":"]]}')).toBe(false);
    expect(hasDuplicateKey('{"a":"x:y","a":"z"}')).toBe(true);
    expect(hasDuplicateKey('{"a":"x","a":"y:z"}')).toBe(true);
    expect(hasDuplicateKey('{"a:":1,"a:":2}')).toBe(true);
    // A \u escape may spell a colon (\u003a), which the text does not show as one: scanned instead.
    expect(hasDuplicateKeyIn('{"a\\u003a":1}', { 'a:': 1 })).toBe(false);
    expect(hasDuplicateKeyIn('{"a\\u003a":1,"a:":2}', { 'a:': 2 })).toBe(true);
    // null is a value, not an object to walk.
    expect(hasDuplicateKey('{"a":null,"b":[null,{"c":null}]}')).toBe(false);
    expect(hasDuplicateKey('{"__proto__":{"a":1},"b":{"a":1}}')).toBe(false);
    // Depth is the sender's choice: 8000 levels, about what 16384 characters allow.
    const deep = (inner: string) => `{"a":${'['.repeat(8000)}${inner}${']'.repeat(8000)}}`;
    expect(hasDuplicateKey(deep('{"k":1,"k":2}'))).toBe(true);
    expect(hasDuplicateKey(deep('{"k":1,"j":2}'))).toBe(false);
    // A closed inner object or array gives the outer object its own keys back.
    expect(hasDuplicateKey('{"x":{"a":1},"a":2}')).toBe(false);
    expect(hasDuplicateKey('{"x":[{"a":1}],"a":2}')).toBe(false);
    // An escaped quote does not end a key.
    expect(hasDuplicateKey('{"a\\"":1,"a\\"":2}')).toBe(true);
    expect(hasDuplicateKey('{"a\\"":1,"a":2}')).toBe(false);
    // An escaped quote inside a key does not end it.
    expect(hasDuplicateKey(String.raw`{"a\"b":1,"a\"b":2}`)).toBe(true);
    // An escaped backslash before a quote: the quote ends the key; an odd run escapes it.
    expect(hasDuplicateKey(String.raw`{"a\\":1,"a\\":2}`)).toBe(true);
    expect(hasDuplicateKey(String.raw`{"a\\\"":1,"a\\\"":2,"b":"\\"}`)).toBe(true);
    expect(hasDuplicateKey(String.raw`{"a\\\"":1,"a\\":2}`)).toBe(false);
  });

  it('accepts only a JSON object', () => {
    expect(parseStrictJsonObject('{"a":1}')).toEqual({ a: 1 });
    expect(parseStrictJsonObject('[1]')).toBeUndefined();
    expect(parseStrictJsonObject('null')).toBeUndefined();
    expect(parseStrictJsonObject('"s"')).toBeUndefined();
    expect(parseStrictJsonObject('1')).toBeUndefined();
    expect(parseStrictJsonObject('true')).toBeUndefined();
    expect(parseStrictJsonObject('{"a":null}')).toEqual({ a: null });
    expect(parseStrictJsonObject('{')).toBeUndefined();
    expect(parseStrictJsonObject('{"a":1,"a":1}')).toBeUndefined();
  });
});

describe('the protected header: known-good spellings and the full checks', () => {
  const segment = (text: string) => base64url.encode(text);
  // Signs over the header exactly as spelled (jose would re-serialise it).
  const signWith = async (header: string, claims: Record<string, unknown>) => {
    const input = `${segment(header)}.${segment(JSON.stringify(claims))}`;
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input));
    return `${input}.${base64url.encode(new Uint8Array(mac))}`;
  };

  it('is known-good only for the exact spellings of headers that the full checks accept', () => {
    const decoded = [...KNOWN_GOOD_HEADER_SEGMENTS].map((known) => new TextDecoder().decode(base64url.decode(known)));
    expect(decoded).toEqual(['{"alg":"HS256","typ":"JWT"}', '{"typ":"JWT","alg":"HS256"}', '{"alg":"HS256"}']);
    for (const known of KNOWN_GOOD_HEADER_SEGMENTS) {
      expect(checkHeaderFully(known)).toBeUndefined();
      expect(checkProtectedHeader(known)).toBeUndefined();
    }
  });

  it('a spelling one character off a known one gets the full checks, each refusal with its own reason', () => {
    const cases: [string, string | undefined][] = [
      ['{"alg":"HS256","typ":"JWt"}', 'unsupported-header'],
      ['{"alg":"HS257","typ":"JWT"}', 'algorithm'],
      ['{"alg":"HS256","tyq":"JWT"}', 'unsupported-header'],
      ['{"alg":"HS256","alg":"JWT"}', 'header-invalid'],
      ['{"typ":"JWT","alg":"HS256 "}', 'algorithm'],
      ['{"alg":"HS256"]', 'header-invalid'],
      ['{"alg":"HS256","typ":"JWT"} ', undefined],
      ['{"alg":"HS256" }', undefined],
    ];
    for (const [json, reason] of cases) {
      expect(KNOWN_GOOD_HEADER_SEGMENTS.has(segment(json))).toBe(false);
      expect([json, checkProtectedHeader(segment(json))]).toEqual([json, reason]);
    }
    // The encoded segment one character off: the last character, and one more character.
    const [known] = KNOWN_GOOD_HEADER_SEGMENTS as Set<string>;
    expect(checkProtectedHeader(`${known?.slice(0, -1)}8`)).toBe('header-invalid');
    expect(checkProtectedHeader(`${known}A`)).toBe('header-invalid');
  });

  it('verifySignedAnswer takes the same path: a known spelling and a new spelling of a good header pass, a bad one is refused', async () => {
    const claims = { exp: NOW + 60 };
    for (const header of ['{"alg":"HS256","typ":"JWT"}', '{"typ":"JWT","alg":"HS256"}', '{"alg":"HS256"}', '{ "alg": "HS256" }']) {
      expect([header, await reasonOf(verifySignedAnswer(await signWith(header, claims), key, rules()))]).toEqual([header, 'accepted']);
    }
    expect(await reasonOf(verifySignedAnswer(await signWith('{"alg":"HS256","typ":"JWt"}', claims), key, rules()))).toBe(
      'unsupported-header',
    );
    expect(await reasonOf(verifySignedAnswer(await signWith('{"alg":"HS256","kid":"JWT"}', claims), key, rules()))).toBe(
      'unsupported-header',
    );
  });
});
