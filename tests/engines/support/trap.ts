/**
 * A trap proxy: both browsers send every request for another origin here
 * (Firefox never proxies 127.0.0.1; MiniBrowser is told to ignore the site's
 * host), and it answers none of them. It records what reached the network
 * layer from any part of the browser: pages, dedicated workers, the service
 * worker, preloads, top-level navigations. It cannot see a request the page's
 * CSP blocked before it was sent (the page hook's CSP listener sees those),
 * DNS prefetches or WebRTC (not HTTP), nor the browser's own traffic to
 * 127.0.0.1. Binds to 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';

export interface Trap {
  port: number;
  /** "GET http://host/path" for plain HTTP, "CONNECT host:443" for HTTPS (the path is encrypted). */
  hits: string[];
  close(): Promise<void>;
}

export function startTrap(): Promise<Trap> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test trap');
  });
  server.on('connect', (req, socket) => {
    hits.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        hits,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
