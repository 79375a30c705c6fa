/** The transcript of the demo flow (examples/bun, examples/deno): a header, numbered steps, a footer. */
export interface DemoTranscript {
  /** The first line: runtime and where the emulator is served. */
  header: string;
  /** Each step's result by its label (`NN. <label padded to 58> <result>`). */
  steps: Record<string, string>;
  /** The last line. */
  footer: string;
}

/** Reads the transcript the demo flow prints to stdout. */
export function readDemoTranscript(stdout: string): DemoTranscript {
  const lines = stdout.trim().split('\n');
  const steps = Object.fromEntries(lines.slice(1, -1).map((line) => [line.slice(4, 62).trim(), line.slice(63).trim()]));
  return { header: lines[0] ?? '', steps, footer: lines.at(-1) ?? '' };
}

/**
 * The results every run of the demo flow against the emulator prints, by step label (the
 * emulator's seeded roles and users make them fixed); tokens are shortened, never whole.
 */
export const DEMO_FLOW_RESULTS: Readonly<Record<string, string>> = {
  'roles.countRoles()': '3',
  'getUser(code): verified HS256 answer': 'alice@example.com uid=a11ce000000000000000000000000001',
  'validateAccessToken(access)': 'true',
  'roles.validate(admin, "billing", "write")': 'true',
  'roles.validate(viewer, "billing", "write")': 'false',
  'validateTokenSet after revoke': 'ERR_TOKEN_SET_INVALID: log in again',
};
