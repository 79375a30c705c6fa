export { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
export { CookieJar } from './cookie-jar.ts';
export { DEMO_FLOW_RESULTS, type DemoTranscript, readDemoTranscript } from './demo-transcript.ts';
export { clientOptionsFor, control, type EmulatorAddress, type EmulatorCredentials, upstreamPaths } from './emulator-control.ts';
export { MidRefreshGiveUp, type RaceCredentials, REFRESH_PATH, raceAnswer } from './refresh-race.ts';
export { WORKER_BUNDLE_OPTIONS } from './worker-bundle.ts';
