// One copy of the Chromium settings for every browser test, the emulator's included (it cannot
// import this kit, which depends on it).
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '@authlite/test-helpers';
