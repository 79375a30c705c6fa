import { UserLine } from '../user-line';

export const dynamic = 'force-dynamic';

export default function Admin() {
  return (
    <>
      <h1>Admin</h1>
      <p>Needs the permission user=administration.</p>
      <UserLine />
    </>
  );
}
