// The API reference builds and every public export carries TSDoc: typedoc's validation
// (undocumented exports, broken links, types not exported) with warnings treated as errors.
import { describe, expect, it } from 'vitest';
// @ts-expect-error scripts/docs.mjs is plain JavaScript without declarations
import { buildDocs } from '../../../scripts/docs.mjs';

describe('API reference (typedoc)', () => {
  it('documents every public export, with no broken link', async () => {
    const { problems } = (await buildDocs({ check: true })) as { problems: string[] };
    expect(problems.map((problem) => problem.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual([]);
  });
});
