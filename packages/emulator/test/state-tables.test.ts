import { describe, expect, it } from 'vitest';
import { createClock, nowS } from '../src/state/clock.js';
import { CodeTable, issueCode, takeCode } from '../src/state/codes.js';
import { lastRequests, REQUEST_LOG_LIMIT, type RequestLog, recordRequest } from '../src/state/request-log.js';
import { type TokenRecord, TokenTable } from '../src/state/token-table.js';
import { revokeSession, revokeUser } from '../src/state/tokens.js';

// Issue 15: the tables behind the wire drop what can never answer again, on the emulator clock.
let n = 0;
function token(uid: string, sid: string, expS: number): TokenRecord {
  n += 1;
  return { token: `t${n}`, kind: 'access', uid, sid, jti: `j${n}`, iatS: 0, expS, revoked: false };
}

describe('TokenTable', () => {
  it("revokes through its indexes: only the user's or the session's tokens, which leave the table", () => {
    const clock = createClock();
    const now = nowS(clock);
    const tokens = new TokenTable();
    for (let i = 0; i < 10; i++) tokens.add(token(`u${i % 2}`, `s${i % 5}`, now + 3600), now);
    expect(tokens.size).toBe(10);
    expect(revokeSession(tokens, clock, 's1')).toBe(2); // i = 1, 6
    expect(tokens.size).toBe(8);
    expect(tokens.ofSession('s1')).toEqual([]);
    expect(revokeUser(tokens, clock, 'u0')).toBe(4); // i = 0, 2, 4, 8
    expect(tokens.size).toBe(4);
    expect(
      tokens
        .ofUser('u1')
        .map((r) => r.sid)
        .sort(),
    ).toEqual(['s0', 's2', 's3', 's4']); // i = 3, 5, 7, 9
  });

  it('prune drops revoked and expired tokens and keeps live ones', () => {
    const tokens = new TokenTable();
    const live = token('u', 's', 1000);
    const expired = token('u', 's', 500);
    const revoked = token('u', 's2', 1000);
    revoked.revoked = true;
    for (const t of [live, expired, revoked]) tokens.add(t, 100);
    expect(tokens.prune(500)).toBe(2);
    expect(tokens.get(live.token)).toBe(live);
    expect(tokens.get(expired.token)).toBeUndefined();
    expect(tokens.ofUser('u')).toEqual([live]);
    expect(tokens.ofSession('s2')).toEqual([]);
  });

  it('sweeps itself as it grows: dead tokens never pile up past twice the live ones', () => {
    const tokens = new TokenTable();
    // All issued at the same emulator second (no time-driven sweep), each dead at once.
    for (let i = 0; i < 20_000; i++) tokens.add(token(`u${i}`, `s${i}`, 50), 100);
    expect(tokens.size).toBeLessThanOrEqual(1024);
  });

  it('sweeps once a minute of emulator time has passed', () => {
    const tokens = new TokenTable();
    tokens.add(token('a', 'a', 110), 100);
    tokens.add(token('b', 'b', 1000), 100); // sweeps (a still live) and schedules the next sweep at 160
    tokens.add(token('c', 'c', 1000), 159);
    expect(tokens.size).toBe(3);
    tokens.add(token('d', 'd', 1000), 160);
    expect(tokens.ofUser('a')).toEqual([]);
    expect(tokens.size).toBe(3);
  });
});

describe('CodeTable', () => {
  it('drops unused codes once expired, and a used code at once', () => {
    const clock = createClock();
    const codes = new CodeTable();
    const used = issueCode(codes, clock, 'login', 'u');
    issueCode(codes, clock, 'login', 'u');
    expect(codes.size).toBe(2);
    expect(takeCode(codes, clock, 'login', used)?.uid).toBe('u');
    expect(codes.size).toBe(1);
    expect(codes.prune(nowS(clock) + 299)).toBe(0);
    expect(codes.prune(nowS(clock) + 300)).toBe(1);
    expect(codes.size).toBe(0);
  });

  it('keeps a code asked for with the wrong kind, so it still works for its own', () => {
    const clock = createClock();
    const codes = new CodeTable();
    const code = issueCode(codes, clock, 'reauth', 'u');
    expect(takeCode(codes, clock, 'login', code)).toBeUndefined();
    expect(takeCode(codes, clock, 'reauth', code)?.uid).toBe('u');
  });
});

describe('request log', () => {
  it('keeps the last 1000 entries in order, holding at most twice as many', () => {
    const log: RequestLog = [];
    for (let i = 0; i < 2500; i++) {
      recordRequest(log, { method: 'GET', path: `/n/${i}`, query: [], status: 200 });
      expect(log.length).toBeLessThan(2 * REQUEST_LOG_LIMIT);
    }
    const last = lastRequests(log);
    expect(last).toHaveLength(1000);
    expect(last[0]?.path).toBe('/n/1500');
    expect(last[999]?.path).toBe('/n/2499');
  });
});
