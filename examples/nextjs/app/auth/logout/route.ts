import { auth } from '../../../auth';

// POST /auth/logout: revokes the tokens and clears the cookies (no GET: a link cannot log anyone out).
export const { POST } = auth.handlers.logout;
