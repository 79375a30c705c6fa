/** Prints the demo's transcript: one numbered step a line. Tokens are shortened, never printed whole. */
export class Transcript {
  #step = 0;

  step(label: string, result: string): void {
    this.#step++;
    console.log(`${String(this.#step).padStart(2)}. ${label.padEnd(56)} ${result}`);
  }

  skip(label: string, why: string): void {
    this.step(label, `skipped: ${why}`);
  }

  note(text: string): void {
    console.log(`    ${text}`);
  }
}

/** `eyJhbGciOi…(212 chars)`: enough to tell tokens apart, too little to use one. */
export function short(token: string): string {
  return `${token.slice(0, 10)}…(${token.length} chars)`;
}
