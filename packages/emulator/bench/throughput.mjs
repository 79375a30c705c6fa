// Emulator throughput at 50 concurrent callers over real HTTP, as ratios against a bare Hono
// handler answering a fixed JSON value measured in the same run (issue 15). A report, not a
// test: `pnpm --filter @authlite/emulator bench` (after build). EMULATOR_DIST=<dir> measures
// another build of the emulator (e.g. an older one) the same way.
//
//   getUser:  GET /api/user/me/auth/data?UserToken=<fresh login code>  (codes minted beforehand)
//   validate: GET /api/user/me/auth/validate/token?AccessToken=<token>
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';

const CONCURRENCY = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SERVER = new URL('server.mjs', import.meta.url).pathname;

function startServer(kind) {
  const args = [SERVER, kind, ...(process.env.EMULATOR_DIST ? [process.env.EMULATOR_DIST] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, info: JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

function stopServer({ child }) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

// node:http with keep-alive: a lighter load generator than fetch, so the servers are what is measured.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function httpGet(url, retried = false) {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    }).once('error', (error) => {
      // A kept-alive socket the server closed while idle: send again once on a new one.
      if (!retried && error.code === 'ECONNRESET') httpGet(url, true).then(resolve, reject);
      else reject(error);
    });
  });
}

/** Runs `count` requests from `CONCURRENCY` callers; answers requests per second. */
async function measure(count, urlOf) {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        if ((await httpGet(urlOf(i))) !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (failures > 0) throw new Error(`${failures} of ${count} requests failed`);
  return count / seconds;
}

async function loginCodes(info, count) {
  const codes = [];
  for (let i = 0; i < count; i += CONCURRENCY) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, count - i) }, async () => {
        const response = await fetch(`${info.url}/__emulator/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ org_id: info.org_id, email: 'alice@example.com' }),
        });
        return (await response.json()).code;
      }),
    );
    codes.push(...batch);
  }
  return codes;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const baseline = await startServer('baseline');
const emulator = await startServer('emulator');
try {
  const { info } = emulator;
  const signedKey = await new SignJWT({ api_key: info.api_key })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(info.secret_key));
  const auth = `api_key=${encodeURIComponent(info.api_key)}&signed_key=${encodeURIComponent(signedKey)}`;
  const [firstCode] = await loginCodes(info, 1);
  const jws = await (await fetch(`${info.url}/api/user/me/auth/data?${auth}&UserToken=${firstCode}`)).json();
  const accessToken = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString()).access_token;

  const results = { baseline: [], validate: [], getUser: [] };
  await measure(500, () => `${baseline.info.url}/`); // warm-up
  await measure(500, () => `${info.url}/api/user/me/auth/validate/token?${auth}&AccessToken=${accessToken}`);
  for (let round = 0; round < ROUNDS; round++) {
    results.baseline.push(
      await measure(REQUESTS, () => `${baseline.info.url}/api/user/me/auth/validate/token?${auth}&AccessToken=${accessToken}`),
    );
    results.validate.push(await measure(REQUESTS, () => `${info.url}/api/user/me/auth/validate/token?${auth}&AccessToken=${accessToken}`));
    const codes = await loginCodes(info, REQUESTS);
    results.getUser.push(await measure(REQUESTS, (i) => `${info.url}/api/user/me/auth/data?${auth}&UserToken=${codes[i]}`));
  }
  const base = median(results.baseline);
  const row = (name, rps) => `${name.padEnd(10)} ${rps.toFixed(0).padStart(7)} req/s  ${(rps / base).toFixed(3)}x of baseline`;
  console.log(
    `emulator throughput, ${CONCURRENCY} concurrent callers, ${REQUESTS} requests x ${ROUNDS} rounds (median), Node ${process.version}`,
  );
  console.log(row('baseline', base));
  console.log(row('validate', median(results.validate)));
  console.log(row('getUser', median(results.getUser)));
  console.log(JSON.stringify({ baseline: base, validate: median(results.validate), getUser: median(results.getUser) }));
} finally {
  agent.destroy();
  await Promise.all([stopServer(baseline), stopServer(emulator)]);
}
