// The same Chromium run as examples/nextjs (proxy.ts), against this build (middleware.ts, Edge Runtime).
import { browserSuite } from '../../nextjs/test/suite/browser-suite.js';

browserSuite();
