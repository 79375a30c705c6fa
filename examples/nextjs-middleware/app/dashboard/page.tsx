import { UserLine } from '../user-line';

export const dynamic = 'force-dynamic';

export default async function Dashboard() {
  return (
    <>
      <h1>Dashboard</h1>
      <p>Any logged-in user.</p>
      <UserLine />
    </>
  );
}
