import { httpSuite } from './suite/http-suite.js';

httpSuite();
