/** Debian's Chromium, installed by scripts/install-chromium.sh; never a browser downloaded by playwright. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Launch arguments for playwright-core's `launchPersistentContext` (with a fresh user-data-dir):
 * headless as root, and no network beyond loopback (background services would try the internet).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
