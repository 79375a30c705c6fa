/** A permission: role R grants it when R gives `key` the value `value`. */
export interface Permission {
  key: string;
  value: string;
}

/** The protected API: each path needs a valid access token, and some a permission too. */
export const ROUTES: { path: string; permission?: Permission }[] = [
  { path: '/api/me' },
  { path: '/api/reports', permission: { key: 'reports', value: 'read' } },
  { path: '/api/billing', permission: { key: 'billing', value: 'write' } },
];
