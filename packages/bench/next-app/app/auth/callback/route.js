import { auth } from '../../../auth.js';

export const { GET } = auth.handlers.callback;
