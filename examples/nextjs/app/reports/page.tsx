import { UserLine } from '../user-line';

export const dynamic = 'force-dynamic';

export default function Reports() {
  return (
    <>
      <h1>Reports</h1>
      <p>Needs the permission reports=read.</p>
      <UserLine />
    </>
  );
}
