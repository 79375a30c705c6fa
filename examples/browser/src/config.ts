/** What the page needs to reach the service; served as /config.json by the example's server. */
export interface PageConfig {
  apiKey: string;
  /** Only a development secret (the emulator's public one) may ever be served to a page. */
  secretKey: string;
  orgId: string;
  baseUrl: string;
  widgetUrl: string;
}

/** The permissions the page shows a row for. */
export const SHOWN_PERMISSIONS = [
  { key: 'billing', value: 'write' },
  { key: 'reports', value: 'read' },
  { key: 'posts', value: 'publish' },
] as const;
