import { type ChildProcess, fork } from 'node:child_process';

/** The default organisation's credentials of a running emulator and where it listens. */
export interface EmulatorInfo {
  url: string;
  orgId: string;
  apiKey: string;
  secretKey: string;
}

/** An emulator running in a child process (see `child.ts`), with its request counter. */
export class RemoteEmulator {
  readonly info: EmulatorInfo;
  readonly #child: ChildProcess;
  #next = 1;

  private constructor(child: ChildProcess, info: EmulatorInfo) {
    this.#child = child;
    this.info = info;
  }

  /** Forks the emulator process and waits until it listens. @throws Error when it exits first. */
  static async start(): Promise<RemoteEmulator> {
    const child = fork(new URL('./child.js', import.meta.url), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const info = await new Promise<EmulatorInfo>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the emulator process exited with code ${code}`)));
      child.on('message', (message: { ready?: EmulatorInfo }) => {
        if (message.ready) resolve(message.ready);
      });
    });
    child.removeAllListeners('exit');
    return new RemoteEmulator(child, info);
  }

  #ask<T>(type: 'count' | 'reset'): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve) => {
      const onMessage = (message: { id: number } & T) => {
        if (message.id !== id) return;
        this.#child.off('message', onMessage);
        resolve(message);
      };
      this.#child.on('message', onMessage);
      this.#child.send({ type, id });
    });
  }

  /** Requests answered since the last reset for `"METHOD /path"`, counted at the emulator. */
  async count(methodAndPath: string): Promise<number> {
    const { counts } = await this.#ask<{ counts: Record<string, number> }>('count');
    return counts[methodAndPath] ?? 0;
  }

  /** Requests answered since the last reset on the service's own paths (the `/__emulator/` control API left out). */
  async upstreamTotal(): Promise<number> {
    const { counts } = await this.#ask<{ counts: Record<string, number> }>('count');
    let total = 0;
    for (const [methodAndPath, count] of Object.entries(counts)) if (!methodAndPath.includes(' /__emulator/')) total += count;
    return total;
  }

  /** Sets every request count back to zero. */
  async resetCounts(): Promise<void> {
    await this.#ask('reset');
  }

  /** A fresh single-use login code for `email` (`POST /__emulator/login`), as if the user had passed the widget. */
  async loginCode(email: string): Promise<string> {
    const response = await fetch(`${this.info.url}/__emulator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org_id: this.info.orgId, email }),
    });
    if (!response.ok) throw new Error(`POST /__emulator/login answered ${response.status}`);
    return ((await response.json()) as { code: string }).code;
  }

  /** Stops the emulator process. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.send({ type: 'stop', id: 0 });
    await exited;
  }
}

/** Codes older than this are dropped from a {@link CodePool}, milliseconds (the emulator expires them at 300 s). */
const CODE_MAX_AGE_MS = 200_000;

/**
 * A pool of fresh login codes, filled in bulk when empty, so that taking one costs nothing
 * inside a measurement's untimed setup (never refilled in the background during a timed
 * call). Codes live 300 s at the emulator; the pool drops any older than 200 s.
 */
export class CodePool {
  readonly #emulator: RemoteEmulator;
  readonly #codes: string[] = [];
  #filledAt = 0;

  constructor(emulator: RemoteEmulator) {
    this.#emulator = emulator;
  }

  /** A code no one has used. */
  take(): string | Promise<string> {
    if (Date.now() - this.#filledAt > CODE_MAX_AGE_MS) this.#codes.length = 0;
    const code = this.#codes.pop();
    return code ?? this.#fill().then(() => this.take());
  }

  async #fill(): Promise<void> {
    this.#filledAt = Date.now();
    const chains = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 64; i++) this.#codes.push(await this.#emulator.loginCode('bench@example.com'));
    });
    await Promise.all(chains);
  }
}
