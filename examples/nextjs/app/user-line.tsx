import { auth } from '../auth';

/** Who is signed in, read from the session cookies through the client (never from request headers). */
export async function UserLine() {
  const session = await auth.getSession();
  if (!session) return <p id="user">Not signed in</p>;
  return (
    <>
      <p id="user">
        Signed in as {session.user.email} (roles: {session.roles.join(', ') || 'none'})
      </p>
      <p id="can-admin">{session.can('user', 'administration') ? 'Can administrate users' : 'Cannot administrate users'}</p>
      <form method="post" action="/auth/logout">
        <button id="logout" type="submit">
          Sign out
        </button>
      </form>
    </>
  );
}
