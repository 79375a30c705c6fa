import { UserLine } from './user-line';

export const dynamic = 'force-dynamic';

export default function Home() {
  return (
    <>
      <h1>Public home</h1>
      <p>
        No session needed here. <a href="/dashboard">Open the dashboard</a> or{' '}
        <a href="/auth/login?returnTo=/reports">sign in and go to the reports</a>.
      </p>
      <UserLine />
    </>
  );
}
