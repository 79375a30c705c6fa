import type { ConformanceCase } from '../types.js';
import { emptyStore } from './empty-store.js';
import { failedWrite } from './failed-write.js';
import { hangingBackend } from './hanging-backend.js';
import { invalidSnapshots } from './invalid-snapshots.js';
import { maxAge } from './max-age.js';
import { orgIsolation } from './org-isolation.js';
import { overwrite } from './overwrite.js';
import { saveAndLoad } from './save-and-load.js';
import { seedMatrix } from './seed-matrix.js';
import { sharedStore } from './shared-store.js';
import { singleFlight } from './single-flight.js';
import { xEdge } from './x-edge.js';

/** The store contract, in the order the suite runs it. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  emptyStore,
  saveAndLoad,
  overwrite,
  orgIsolation,
  invalidSnapshots,
  maxAge,
  xEdge,
  singleFlight,
  sharedStore,
  failedWrite,
  hangingBackend,
  seedMatrix,
];
