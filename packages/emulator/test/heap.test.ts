import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Issue 15: after 100k logins the emulator's heap grew from 6.5 MB to 130 MB (expired and
// revoked tokens and unused codes were never dropped). The script logs in through the fetch
// handler, moving the emulator clock so that tokens expire, in a child with --expose-gc.
const SCRIPT = resolve(import.meta.dirname, 'heap/logins.mjs');

describe('heap', () => {
  it('after GC at 100k logins stays within 2x of that at 10k', { timeout: 900_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', SCRIPT, '10000', '100000'], {
      cwd: resolve(import.meta.dirname, '..'),
      maxBuffer: 1 << 20,
    });
    const { logins, heapUsed } = JSON.parse(stdout) as { logins: number[]; heapUsed: [number, number] };
    expect(logins).toEqual([10_000, 100_000]);
    const [at10k, at100k] = heapUsed;
    console.log(
      `heap after GC: ${(at10k / 1e6).toFixed(1)} MB at 10k logins, ${(at100k / 1e6).toFixed(1)} MB at 100k (ratio ${(at100k / at10k).toFixed(2)})`,
    );
    expect(at10k).toBeGreaterThan(0);
    expect(at100k).toBeLessThanOrEqual(2 * at10k);
  });
});
