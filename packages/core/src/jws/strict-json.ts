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
  return hasDuplicateKey(text, value) ? undefined : (value as Record<string, unknown>);
}

/**
 * Whether the valid JSON `text`, which `JSON.parse` turned into the object or array `parsed`,
 * has an object with two equal keys. `JSON.parse` keeps one entry per key (after unescaping),
 * so a repeated key leaves the parsed objects, summed over every depth, with fewer keys than
 * the text has key tokens; without one the two counts are equal. Exact: no key is sliced or
 * unescaped.
 *
 * The text's key tokens are counted from its colons: outside strings each colon follows one
 * key, and without a `\u` escape each colon inside a string literal is a colon of that parsed
 * string. So the colons of the text minus those of the parsed keys and strings give the key
 * tokens; a repeated key's dropped entry only adds to them. A text with a `\u` escape (which
 * may spell a colon) is scanned string by string instead.
 */
export function hasDuplicateKey(text: string, parsed: object): boolean {
  const tree = countParsed(parsed);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent when every text is scanned (the scan is exact too); a test shows a \u escape is not counted by colons.
  if (!text.includes('\\u')) return countColons(text) - tree.colons !== tree.keys;
  return countKeyTokens(text) !== tree.keys;
}

const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Number of key tokens in valid JSON `text`: the strings followed (after JSON whitespace) by `:`. */
function countKeyTokens(text: string): number {
  let keys = 0;
  // Outside strings valid JSON has no quote: each quote found from here opens a string.
  for (let open = text.indexOf('"'); open !== -1; ) {
    let next = endOfString(text, open) + 1;
    let char = text.charCodeAt(next);
    while (isJsonWhitespace(char)) char = text.charCodeAt(++next);
    if (char === COLON) keys++;
    open = text.indexOf('"', next);
  }
  return keys;
}

/**
 * The keys of every object in a parsed JSON value, at every depth, and the colons in those
 * keys and in every string value (walked without recursion: depth is the sender's choice).
 */
function countParsed(root: object): { keys: number; colons: number } {
  let keys = 0;
  let colons = 0;
  const pending: object[] = [root];
  const visit = (value: unknown) => {
    if (value === null) return;
    if (typeof value === 'string') {
      colons += countColons(value);
      return;
    }
    // Stryker disable next-line ConditionalExpression: equivalent, a number or boolean walked has no keys.
    if (typeof value === 'object') pending.push(value);
  };
  while (pending.length > 0) {
    const value = pending.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else {
      for (const key of Object.keys(value)) {
        keys++;
        colons += countColons(key);
        visit(value[key]);
      }
    }
  }
  return { keys, colons };
}

function countColons(text: string): number {
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) colons++;
  return colons;
}

function isJsonWhitespace(char: number): boolean {
  return char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09;
}

/** Index of the closing quote of the JSON string that opens at `start` (the next quote not escaped by an odd run of backslashes). */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (isEscaped(text, quote)) quote = text.indexOf('"', quote + 1);
  return quote;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(index - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
