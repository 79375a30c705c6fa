export { buildNextApp, freePort, type NextStartOptions, type RunningNextApp, startNextApp } from './next-server.ts';
