// Prerendered at build time (no dynamic API): Next would answer it with a shared-cache
// Cache-Control. The proxy marks every answer of a guarded route private, no-store.
export default function StaticUnderGuard() {
  return (
    <>
      <h1>Static page under a guarded route</h1>
      <p>Built once; served only to signed-in users.</p>
    </>
  );
}
