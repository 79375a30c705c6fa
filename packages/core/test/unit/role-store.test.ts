import { describe, expect, it } from 'vitest';
import { parseSnapshot, SNAPSHOT_VERSION } from '../../src/entries/store.js';

const org = 'org_1';
const role = { org_id: org, rol_id: 'rol_adm_00000000000000a1', name: 'admin', permissions: [{ billing: 'write' }] };
const snapshot = { v: SNAPSHOT_VERSION, orgId: org, roles: [role], edge: 1, fetchedAt: 1_700_000_000 };

describe('parseSnapshot', () => {
  it('gives back a valid snapshot of the organisation, as an object or as JSON text, version included', () => {
    expect(parseSnapshot(snapshot, org)).toEqual(snapshot);
    expect(parseSnapshot(JSON.stringify(snapshot), org)).toEqual(snapshot);
  });

  it.each([
    ['another version', { ...snapshot, v: SNAPSHOT_VERSION + 1 }],
    ['no version', { ...snapshot, v: undefined }],
    ['the version as text', { ...snapshot, v: String(SNAPSHOT_VERSION) }],
    ['another organisation', { ...snapshot, orgId: 'org_2' }],
    ['a negative edge', { ...snapshot, edge: -1 }],
    ['a malformed role', { ...snapshot, roles: [{ rol_id: 1 }] }],
    ['null', null],
    ['a number', 1],
    ['text that is not JSON', '{'],
  ])('discards %s', (_, stored) => {
    expect(parseSnapshot(stored, org)).toBeUndefined();
  });
});
