export default function Home() {
  return (
    <>
      <h1>Public home</h1>
      <p>
        No session needed here. <a href="/dashboard">Open the dashboard</a> to log in.
      </p>
    </>
  );
}
