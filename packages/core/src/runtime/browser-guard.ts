import { ConfigurationError } from '../errors/authlite-error.ts';
import { isBrowserRuntime } from './detect-runtime.ts';

/**
 * Refuses a secret key in a browser page unless the caller opted in, as the OpenAI and
 * Anthropic SDKs do: code shipped to a browser (and the secret key in it) is readable by
 * every visitor. Runs in the client's constructor, before any request.
 *
 * @param dangerouslyAllowBrowser the client option of that name; `true` skips the check.
 * @param scope the globals to inspect (default `globalThis`).
 * @throws ConfigurationError with `option: "dangerouslyAllowBrowser"` in a browser without the opt-in.
 */
export function assertSecretKeyAllowedHere(dangerouslyAllowBrowser: boolean | undefined, scope: object = globalThis): void {
  if (dangerouslyAllowBrowser === true || !isBrowserRuntime(scope)) return;
  throw new ConfigurationError(
    'dangerouslyAllowBrowser',
    'A secretKey in a browser is readable by every visitor: use a server, or dangerouslyAllowBrowser: true',
  );
}
