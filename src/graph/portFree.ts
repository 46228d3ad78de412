import * as net from 'net';

/**
 * Resolves when nothing listens on host:port (or port is 0); rejects with `what port is already in use on
 * host; hint` otherwise, so that a start-up can stop before spending seconds on what would fail later.
 */
export function assertPortFree(port: number, what: string, hint: string, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `${what} ${port} is already in use on ${host}; ${hint}` : `${what} ${port}: ${error.message}`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
