/** What the page needs to reach the service; served as /config.json by the example's server. */
export interface PageConfig {
  apiKey: string;
  /** Only a development secret (the emulator's public one) may ever be served to a page. */
  secretKey: string;
  orgId: string;
  baseUrl: string;
  widgetUrl: string;
  /**
   * How far the emulator's clock is ahead of this machine's, milliseconds: the page's SDK
   * clock moves with it, so answers signed after `POST /__emulator/clock` are not future-dated.
   */
  clockOffsetMs: number;
}

/** The permissions the page shows a row for. */
export const SHOWN_PERMISSIONS = [
  { key: 'billing', value: 'write' },
  { key: 'reports', value: 'read' },
  { key: 'posts', value: 'publish' },
] as const;
