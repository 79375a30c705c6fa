import { Hono } from 'hono';
import { securitySuite } from '../../session/test/shared/security-suite.js';
import { type AuthLiteEnv, createAuthLite } from '../src/index.js';

securitySuite('@authlite/hono', (client) => {
  const auth = createAuthLite({
    client,
    routes: [{ path: '/admin', permission: { key: 'user', value: 'administration' } }, { path: '/dashboard' }],
  });
  const app = new Hono<AuthLiteEnv>();
  app.use(auth.middleware);
  app.get('/auth/login', auth.login);
  app.get('/auth/callback', auth.callback);
  app.post('/auth/logout', auth.logout);
  app.get('/dashboard', (c) => c.text(`dashboard of ${c.get('session')?.user.email}`));
  app.get('/admin', (c) => c.text('admin'));
  app.get('/', (c) => c.text('home'));
  return async (request) => app.fetch(request);
});
