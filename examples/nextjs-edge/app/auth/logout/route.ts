// Re-exported from examples/nextjs: one app, built twice (proxy.ts there, middleware.ts here).
export { POST } from '../../../../nextjs/app/auth/logout/route';
