type Inspect = (value: unknown, options?: Record<string, unknown>) => string;

/** The runtime's own inspector: Node's `util.inspect`, `Deno.inspect` or `Bun.inspect`, when there is one. */
function runtimeInspect(): Inspect | undefined {
  const g = globalThis as {
    Deno?: { inspect?: Inspect };
    Bun?: { inspect?: Inspect };
    process?: { getBuiltinModule?: (name: string) => { inspect?: Inspect } | undefined };
  };
  return g.Deno?.inspect ?? g.Bun?.inspect ?? g.process?.getBuiltinModule?.('node:util')?.inspect;
}

/**
 * What an inspector shows of a value: the runtime's inspector (hidden properties included)
 * when it has one, and in every runtime a walk of every own property, enumerable or not, of
 * the value and of each object it reaches (workerd, the Edge Runtime and browsers have no inspector).
 */
export function inspectText(value: unknown): string {
  const inspect = runtimeInspect();
  const parts: string[] = inspect ? [inspect(value, { depth: 10, showHidden: true })] : [];
  const seen = new Set<unknown>();
  const walk = (current: unknown, depth: number): void => {
    if (typeof current !== 'object' || current === null) {
      parts.push(String(current));
      return;
    }
    if (seen.has(current) || depth > 8) return;
    seen.add(current);
    for (const name of Object.getOwnPropertyNames(current)) {
      let property: unknown;
      try {
        property = (current as Record<string, unknown>)[name];
      } catch {
        continue;
      }
      parts.push(name);
      walk(property, depth + 1);
    }
  };
  walk(value, 0);
  return parts.join('\n');
}
