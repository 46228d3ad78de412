/**
 * neo4j-driver (5.x, JavaScript) leaves Nagle's algorithm on for its Bolt sockets and has no option to turn
 * it off. A RUN message with sizeable parameters (an UNWIND batch, a DataLoader's list of ids) is written in
 * more than one segment, and the last segment then waits for the server's delayed ACK: a fixed ~40 ms stall
 * on such statements, measured as 40 ms of client-side time on statements Neo4j answered in 5 ms. The
 * Python and Rust drivers set TCP_NODELAY for this reason (neo4j-python-driver#1122).
 *
 * The driver connects with `net.connect` / `tls.connect` from the shared module objects, so this wraps those
 * two functions once per process to set no-delay on every socket they return. Only the latency of small
 * writes changes; Node's own HTTP client already sets no-delay on its sockets.
 */
import type { Socket } from 'net';

const PATCHED = Symbol.for('kg-graph.tcpNoDelay');

type Connect = ((...args: unknown[]) => Socket) & { [PATCHED]?: true };

function wrap(module: { connect: Connect }): void {
  const original = module.connect;
  if (original[PATCHED]) return;
  const patched: Connect = function (this: unknown, ...args: unknown[]) {
    const socket = original.apply(this, args);
    socket.setNoDelay(true);
    return socket;
  };
  patched[PATCHED] = true;
  module.connect = patched;
}

export function enableTcpNoDelay(): void {
  // require, not import: the namespace object of an ES import is a copy whose properties cannot be replaced
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wrap(require('net'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wrap(require('tls'));
}
