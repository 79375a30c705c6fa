// Re-exported from examples/nextjs: one app, built twice (proxy.ts there, middleware.ts here).
export { default, metadata } from '../../nextjs/app/layout';
