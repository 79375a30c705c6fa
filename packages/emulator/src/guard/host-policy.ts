/**
 * Which `Host` names may reach the emulator. DNS rebinding points a foreign name at the
 * emulator's address, so every name the emulator was not told about is refused; an IP
 * literal cannot be rebound, so it passes wherever the emulator listens on every interface.
 */
export interface HostPolicy {
  /** Extra host names (lowercase, without port) that may reach the emulator. */
  readonly names: ReadonlySet<string>;
  /** Whether any IP literal is a valid `Host` (listening on every interface, or no socket known). */
  readonly anyIpLiteral: boolean;
}

/** A policy from the bound host (if any) and the names the caller allows. */
export function createHostPolicy(options: { boundHost?: string; allowedHosts?: readonly string[] }): HostPolicy {
  const names = new Set<string>();
  for (const name of options.allowedHosts ?? []) names.add(normaliseHostname(name));
  const bound = options.boundHost === undefined ? undefined : normaliseHostname(options.boundHost);
  const wildcard = bound === undefined || isWildcardAddress(bound);
  if (bound !== undefined && !wildcard) names.add(bound);
  return { names, anyIpLiteral: wildcard };
}

/** Lowercase, without brackets around an IPv6 literal and without one trailing dot. */
export function normaliseHostname(hostname: string): string {
  let name = hostname.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name.endsWith('.')) name = name.slice(0, -1);
  return name;
}

/** `0.0.0.0` or `::`: listening on every interface. */
export function isWildcardAddress(hostname: string): boolean {
  const name = normaliseHostname(hostname);
  return name === '0.0.0.0' || name === '::' || name === '0:0:0:0:0:0:0:0';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether a (normalised) host name is an IPv4 or IPv6 literal. */
export function isIpLiteral(hostname: string): boolean {
  return IPV4.test(hostname) || (hostname.includes(':') && /^[0-9a-f:.]+$/.test(hostname));
}

/** `localhost`, `*.localhost`, `127.0.0.0/8` or `::1`. */
export function isLoopbackHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    (IPV4.test(hostname) && hostname.startsWith('127.')) ||
    hostname === '::1'
  );
}

/** Whether a host name (no port) may reach the emulator under `policy`. */
export function isHostAllowed(hostname: string, policy: HostPolicy): boolean {
  const name = normaliseHostname(hostname);
  if (name.length === 0) return false;
  if (isLoopbackHostname(name) || policy.names.has(name)) return true;
  return policy.anyIpLiteral && isIpLiteral(name);
}

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), or undefined when malformed. */
export function hostnameOfHostHeader(value: string): string | undefined {
  try {
    const url = new URL(`http://${value}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.hostname;
  } catch {
    return undefined;
  }
}
