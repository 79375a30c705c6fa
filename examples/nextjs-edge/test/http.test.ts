// The same suite as examples/nextjs (proxy.ts), against this build (middleware.ts, Edge Runtime).
import { httpSuite } from '../../nextjs/test/suite/http-suite.js';

httpSuite();
