// Re-exported from examples/nextjs: one app, built twice (proxy.ts there, middleware.ts here).
export { default } from '../../../../nextjs/app/dashboard/static/page';
