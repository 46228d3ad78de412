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
    const write = jest.spyOn(sock, 'write');
    const single = jest.spyOn(sock, '_write');
    const vector = jest.spyOn(sock, '_writev');
    const driver = createDriver(testNeo4jConfig());
    try {
      await driver.verifyConnectivity({ database: testNeo4jConfig().database });
      const [w, s, v] = [write, single, vector].map((spy) => spy.mock.calls.length);
      const result = await driver.executeQuery('RETURN size($rows) AS n', { rows }, { database: testNeo4jConfig().database });
      expect(result.records[0].get('n')).toBe(2000);
      const pieces = write.mock.calls.length - w;
      // only this driver's sockets: a socket another test file left open may write during the window
      const ours = new Set(write.mock.contexts.slice(w));
      const systemWrites = [...single.mock.contexts.slice(s), ...vector.mock.contexts.slice(v)].filter((c) => ours.has(c)).length;
      // about 60 KB of parameters: dozens of pieces, in one or two writes (a pooled connection may reset first)
      expect(pieces).toBeGreaterThan(20);
      expect(systemWrites).toBeLessThanOrEqual(2);
    } finally {
      [write, single, vector].forEach((spy) => spy.mockRestore());
      await driver.close();
    }
  });
});
