import { browserSuite } from './suite/browser-suite.js';

browserSuite();
