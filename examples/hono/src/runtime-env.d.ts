// The few Deno and Bun APIs the entry files use, for the workspace's tsc typecheck.
declare namespace Deno {
  const env: { get(name: string): string | undefined };
  function serve(
    options: { hostname?: string; port?: number; onListen?: (addr: { hostname: string; port: number }) => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
}
declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { hostname?: string; port?: number; fetch: (request: Request) => Response | Promise<Response> }): { port: number };
};
