import * as net from 'net';
import { createDriver } from '../src/graph';
import { testNeo4jConfig } from './support/db';

describe('Bolt sockets', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => ({ i, s: 'x'.repeat(20) }));

  it('when the driver connects, then Nagle is off on its socket (a large RUN would otherwise stall ~40 ms on a delayed ACK)', async () => {
    const setNoDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const driver = createDriver(testNeo4jConfig());
    try {
      const before = setNoDelay.mock.calls.length;
      await driver.executeQuery('RETURN size($rows) AS n', { rows }, { database: testNeo4jConfig().database });
      const calls = setNoDelay.mock.calls.slice(before);
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(calls.every(([flag]) => flag === true)).toBe(true);
    } finally {
      setNoDelay.mockRestore();
      await driver.close();
    }
  });

  it('when the driver writes a large message in many pieces, then they reach the socket together, not one system call each', async () => {
    // the driver hands its socket a message in pieces of at most 1 400 bytes; what the stream then passes down to
    // the system is `_write` (one piece) or `_writev` (several at once)
    const sock = net.Socket.prototype as unknown as { write: (...a: unknown[]) => boolean; _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
    // the driver's own sockets are the ones tuned while it runs: in a full run a socket another test file left
    // open (a driver it did not close, a child's pipe) can write during the window too
    const tuned = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const write = jest.spyOn(sock, 'write');
    const single = jest.spyOn(sock, '_write');
    const vector = jest.spyOn(sock, '_writev');
    const driver = createDriver(testNeo4jConfig());
    try {
      await driver.verifyConnectivity({ database: testNeo4jConfig().database });
      const [w, s, v] = [write, single, vector].map((spy) => spy.mock.calls.length);
      const result = await driver.executeQuery('RETURN size($rows) AS n', { rows }, { database: testNeo4jConfig().database });
      expect(result.records[0].get('n')).toBe(2000);
      const ours = new Set(tuned.mock.contexts);
      const pieces = write.mock.contexts.slice(w).filter((c) => ours.has(c)).length;
      const systemWrites = [
        ...single.mock.contexts.slice(s).filter((c) => ours.has(c)).map(() => 1),
        ...vector.mock.calls.slice(v).filter((_, i) => ours.has(vector.mock.contexts[v + i])).map(([chunks]) => (chunks as unknown[]).length),
      ];
      // about 60 KB of parameters: dozens of pieces, in one or two system writes (RUN and PULL together, then COMMIT)
      expect(pieces).toBeGreaterThan(20);
      expect(Math.max(...systemWrites)).toBeGreaterThan(20);
      expect(systemWrites.length).toBeLessThanOrEqual(2);
    } finally {
      [tuned, write, single, vector].forEach((spy) => spy.mockRestore());
      await driver.close();
    }
  });
});
