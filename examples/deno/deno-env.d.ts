// The few Deno APIs main.ts uses, for the workspace's tsc typecheck (Deno itself has them built in).
declare namespace Deno {
  interface NetAddr {
    hostname: string;
    port: number;
  }
  interface HttpServer<A extends NetAddr = NetAddr> {
    readonly addr: A;
    shutdown(): Promise<void>;
  }
  const version: { deno: string };
  const env: { get(name: string): string | undefined };
  let exitCode: number;
  function serve(
    options: { hostname?: string; port?: number; onListen?: (addr: NetAddr) => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): HttpServer<NetAddr>;
}
