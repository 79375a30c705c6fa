import { auth } from '../../../auth';

// GET /auth/login?returnTo=/reports: starts a login (the "Sign in" link).
export const { GET } = auth.handlers.login;
