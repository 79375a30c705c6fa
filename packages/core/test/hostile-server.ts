import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A second local HTTP server: counts every request it gets, and answers as `handle` says. */
export interface HostileServer {
  url: string;
  /** Requests received so far (method, path with query, body). */
  received: { method: string; url: string; body: string }[];
  /** Bytes of answer bodies written so far. */
  bytesWritten(): number;
  stop(): Promise<void>;
}

/** Starts a server on a free loopback port. `handle` writes the answer; the default answers 200 `{"access_token":"evil","refresh_token":"evil"}`. */
export async function startHostileServer(
  handle: (request: IncomingMessage, response: ServerResponse, count: (bytes: number) => void) => void = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"evil","refresh_token":"evil"}');
  },
): Promise<HostileServer> {
  const received: HostileServer['received'] = [];
  let written = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', body });
      handle(request, response, (bytes) => (written += bytes));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    bytesWritten: () => written,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `chunk` again and again until the client goes away: an endless answer body. */
export function streamForever(
  response: ServerResponse,
  chunk: string,
  count: (bytes: number) => void,
  headers: Record<string, string> = {},
): void {
  if (!response.headersSent) response.writeHead(200, { 'content-type': 'application/json', ...headers });
  const write = () => {
    while (!response.destroyed) {
      count(chunk.length);
      if (!response.write(chunk)) return void response.once('drain', write);
    }
  };
  response.on('close', () => response.destroy());
  write();
}
