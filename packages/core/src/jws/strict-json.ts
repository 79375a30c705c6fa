/**
 * Parses JSON text that must be an object, refusing an object (at any depth) that repeats a
 * key. `JSON.parse` keeps the last of two equal keys, so `{"exp":1,"exp":4102444800}` would
 * read differently here than in a parser that keeps the first: a signed answer must mean one
 * thing. Keys are compared after unescaping (`"exp"` and `"\u0065xp"` are the same key).
 * @returns the parsed object, or `undefined` when the text is not JSON, not an object, or repeats a key.
 */
export function parseStrictJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  // Stryker disable BlockStatement: equivalent, `value` stays undefined and is refused below.
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return hasDuplicateKey(text) ? undefined : (value as Record<string, unknown>);
}

/** Whether valid JSON `text` has an object with two equal keys. */
export function hasDuplicateKey(text: string): boolean {
  // One entry per open container: the keys seen so far of an object, `null` for an array.
  // Stryker disable next-line ArrayDeclaration: equivalent, a bottom entry below the outermost container is never read as keys.
  const open: (Set<string> | null)[] = [];
  // Stryker disable next-line BooleanLiteral: equivalent, valid JSON opens a container before its first key.
  let expectingKey = false;
  // Stryker disable next-line EqualityOperator: equivalent, one step past the end reads `undefined`, which matches no branch.
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      const keys = open[open.length - 1];
      if (expectingKey && keys) {
        const raw = text.slice(i + 1, end);
        // Stryker disable next-line StringLiteral: equivalent, unescaping every key gives the same keys; the test only skips JSON.parse for the common key without escapes.
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return true;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    } else if (char === '{') {
      open.push(new Set());
      expectingKey = true;
    } else if (char === '[') {
      open.push(null);
    } else if (char === '}' || char === ']') {
      open.pop();
    } else if (char === ',') {
      expectingKey = open[open.length - 1] instanceof Set;
    }
  }
  return false;
}

/** Index of the closing quote of the JSON string that opens at `start` (the next quote not escaped by an odd run of backslashes). */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (isEscaped(text, quote)) quote = text.indexOf('"', quote + 1);
  return quote;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (text[index - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}
