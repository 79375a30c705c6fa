// The few Bun APIs main.ts uses, for the workspace's tsc typecheck (Bun itself has them built in).
declare const Bun: {
  readonly version: string;
  readonly env: Record<string, string | undefined>;
  serve(options: { hostname?: string; port?: number; fetch(request: Request): Response | Promise<Response> }): {
    readonly port: number;
    stop(closeActiveConnections?: boolean): Promise<void>;
  };
};
