// Run by heap.test.ts as `node --expose-gc logins.mjs <first> <second>`: logs in <second>
// times through the emulator's fetch handler (a code from the control API, exchanged at
// auth/data, the access token validated), moving the emulator clock 31 days forward every
// 1000 logins so that every token expires, and prints one JSON line with heapUsed (bytes)
// after a full GC at <first> and at <second> logins.
import { SignJWT } from 'jose';
import { createEmulator } from '../../dist/index.js';

const [first, second] = process.argv.slice(2).map(Number);
const emulator = createEmulator();
const { org_id, api_key, secret_key } = emulator.orgs[0];
const signedKey = await new SignJWT({ api_key })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .sign(new TextEncoder().encode(secret_key));
const base = 'http://127.0.0.1:8787';

async function call(method, path, query, body) {
  const url = `${base}${path}?${new URLSearchParams(query)}`;
  const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await emulator.fetch(new Request(url, init));
  if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}`);
  return response.json();
}

async function login(i) {
  const { code } = await call('POST', '/__emulator/login', {}, { org_id, email: `user${i % 100}@example.com` });
  const jws = await call('GET', '/api/user/me/auth/data', { api_key, signed_key: signedKey, UserToken: code });
  const claims = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));
  await call('GET', '/api/user/me/auth/validate/token', { api_key, signed_key: signedKey, AccessToken: claims.access_token });
}

function heapAfterGc() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const CONCURRENCY = 10;
const heap = {};
let done = 0;
for (const target of [first, second]) {
  while (done < target) {
    const batch = Math.min(CONCURRENCY, target - done);
    await Promise.all(Array.from({ length: batch }, (_, k) => login(done + k)));
    const before = done;
    done += batch;
    if (Math.floor(done / 1000) > Math.floor(before / 1000)) await call('POST', '/__emulator/clock', {}, { advance_s: 31 * 24 * 3600 });
  }
  heap[target] = heapAfterGc();
}
process.stdout.write(`${JSON.stringify({ logins: [first, second], heapUsed: [heap[first], heap[second]] })}\n`);
