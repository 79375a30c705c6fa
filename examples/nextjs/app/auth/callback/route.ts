import { auth } from '../../../auth';

// GET /auth/callback?code=...: the organisation's callback URL; completes a login this browser started.
export const { GET } = auth.handlers.callback;
