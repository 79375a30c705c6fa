// The roles of the conformance emulator's main organisation that the Redis tests check against.
import { snapshotKey } from '@authlite/core/store';
import { CONFORMANCE_ORGS } from '@authlite/store-conformance';

/** A role that may write billing. */
export const ADMIN = 'rol_adm_00000000000000a1';
/** A role that may read reports but not write billing. */
export const VIEWER = 'rol_vwr_00000000000000f1';
/** The store key of the main organisation's role snapshot. */
export const MAIN_SNAPSHOT_KEY: string = snapshotKey(CONFORMANCE_ORGS.main.orgId);
