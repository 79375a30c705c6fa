import { UserLine } from '../user-line';

export const dynamic = 'force-dynamic';

export default function Dashboard() {
  return (
    <>
      <h1>Dashboard</h1>
      <p>Any signed-in user.</p>
      <UserLine />
    </>
  );
}
