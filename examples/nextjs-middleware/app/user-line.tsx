import { headers } from 'next/headers';

/** Who the middleware let in: the request headers it sets after a permission check. */
export async function UserLine() {
  const h = await headers();
  const email = h.get('x-authlite-email');
  return <p id="user">{email ? `Signed in as ${email} (roles: ${h.get('x-authlite-roles') || 'none'})` : 'Signed in'}</p>;
}
