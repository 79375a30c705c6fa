// Re-exported from examples/nextjs: one app, built twice (proxy.ts there, middleware.ts here).
export { GET } from '../../../../nextjs/app/auth/callback/route';
