/**
 * Two things neo4j-driver (5.x, JavaScript) does with its Bolt sockets that cost time, and that it has no
 * option for:
 *
 * - It leaves Nagle's algorithm on. A RUN message with sizeable parameters (an UNWIND batch, a DataLoader's
 *   list of ids) is written in more than one segment, and the last segment then waits for the server's
 *   delayed ACK: a fixed ~40 ms stall on such statements, measured as 40 ms of client-side time on statements
 *   Neo4j answered in 5 ms. The Python and Rust drivers set TCP_NODELAY for this reason
 *   (neo4j-python-driver#1122). So every socket gets no-delay.
 * - It writes a message to the socket in pieces of at most 1 400 bytes (its chunker's buffer), one
 *   `socket.write` each. With no-delay, each is a system call and a packet of its own: an ingest transaction
 *   of one document took 19 writes (23 KB) for its four messages. So the writes made in one turn of the event
 *   loop are corked and go out together on the next tick (Node's documented cork / nextTick-uncork pattern:
 *   one `writev`), which is what they are: one message or a pipelined few.
 *
 * The driver connects with `net.connect` / `tls.connect` from the shared module objects, so this wraps those
 * two functions once per process. Only Bolt traffic changes; Node's own HTTP client and server do not go
 * through them.
 */
import type { Socket } from 'net';

const PATCHED = Symbol.for('kg-graph.boltSockets');

type Connect = ((...args: unknown[]) => Socket) & { [PATCHED]?: true };

/** Corks the socket at the first write of a tick and uncorks it on the next tick. */
function coalesceWrites(socket: Socket): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  } as Socket['write'];
}

function wrap(module: { connect: Connect }): void {
  const original = module.connect;
  if (original[PATCHED]) return;
  const patched: Connect = function (this: unknown, ...args: unknown[]) {
    const socket = original.apply(this, args);
    socket.setNoDelay(true);
    coalesceWrites(socket);
    return socket;
  };
  patched[PATCHED] = true;
  module.connect = patched;
}

export function tuneBoltSockets(): void {
  // require, not import: the namespace object of an ES import is a copy whose properties cannot be replaced
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wrap(require('net'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wrap(require('tls'));
}
