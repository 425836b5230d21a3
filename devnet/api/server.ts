import { createServer, type Server } from 'node:http';
import type { DevnetApiRouter } from './router.js';

export const PREFERRED_API_PORT = 8547;

export type ApiServer = { url: string; port: number; close(): Promise<void> };

/** Listens on 127.0.0.1:port, falling back to a free port when it is taken. */
export async function startApiServer(router: DevnetApiRouter, port = PREFERRED_API_PORT): Promise<ApiServer> {
  const server = createServer((req, res) => void router.handle(req, res));
  const bound = await listen(server, port).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    return listen(server, 0);
  });
  return { url: `http://127.0.0.1:${bound}`, port: bound, close: () => closeServer(server) };
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
