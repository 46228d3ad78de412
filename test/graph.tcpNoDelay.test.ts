import * as net from 'net';
import { createDriver } from '../src/graph';
import { testNeo4jConfig } from './support/db';

describe('Bolt sockets', () => {
  it('when the driver connects, then Nagle is off on its socket (a large RUN would otherwise stall ~40 ms on a delayed ACK)', async () => {
    const setNoDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const driver = createDriver(testNeo4jConfig());
    try {
      const before = setNoDelay.mock.calls.length;
      await driver.executeQuery('RETURN size($rows) AS n', { rows: Array.from({ length: 2000 }, (_, i) => ({ i, s: 'x'.repeat(20) })) }, { database: testNeo4jConfig().database });
      const calls = setNoDelay.mock.calls.slice(before);
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(calls.every(([flag]) => flag === true)).toBe(true);
    } finally {
      setNoDelay.mockRestore();
      await driver.close();
    }
  });
});
