import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A second local server a redirect points to: it counts what reaches it and answers 200 as if it were the service. */
export interface Decoy {
  url: string;
  /** Requests that reached it (must stay 0: redirects are never followed). */
  requests(): number;
  stop(): Promise<void>;
}

/** Starts a decoy on a free loopback port (CORS open, so a browser page could read it too). */
export async function startDecoy(): Promise<Decoy> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    if (request.method !== 'OPTIONS') count++;
    response.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
    });
    response.end('{"access_token":"decoy","refresh_token":"decoy"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
