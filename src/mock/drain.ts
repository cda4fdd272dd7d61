/**
 * Read and discard the rest of a request body before a refusal (413, 503, 404, 405) is answered.
 *
 * A connection closed with bytes still unread is reset by the kernel (RST instead of FIN): a client still
 * sending its body then meets a write error (EPIPE, ECONNRESET) and may drop the answer it has not read
 * yet. Drained, the close after the answer is clean. Draining is bounded in bytes and time and keeps
 * nothing; past either bound the caller answers anyway (a client sending more than that may still see a
 * reset, but cannot hold the mock).
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface DrainBounds {
  /** Most bytes read and thrown away. */
  maxBytes: number;
  /** Longest wait for the body's end, ms. */
  maxMs: number;
}

/** Resolves true when the body was read to its end, false when a bound was reached or the client went away. */
export function drainBody(req: IncomingMessage, bounds: DrainBounds): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > bounds.maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let drained = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      if (!ended) req.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > bounds.maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), bounds.maxMs);
    timer.unref();
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
    req.resume();
  });
}

/** Sockets answered by answerAndLinger and not yet closed: what to do when more of the bad request arrives. */
const lingering = new WeakMap<Socket, () => void>();

/**
 * Answer on a raw socket and close it without a reset: end our side with the answer (FIN), then read and throw
 * away what the client still sends until it ends too, or a bound is reached. For answers the HTTP parser cannot
 * give (malformed requests, headers too large or too slow), where the rest of the request has no known end.
 * Node's parser stays on the socket and reports each further chunk as another client error: those calls land
 * here again and only count the bytes.
 */
export function answerAndLinger(socket: Socket, answer: string, bounds: DrainBounds): void {
  const more = lingering.get(socket);
  if (more) return more();
  const start = socket.bytesRead;
  const done = () => {
    clearTimeout(timer);
    lingering.delete(socket);
    socket.destroy();
  };
  const check = () => {
    if (socket.bytesRead - start > bounds.maxBytes) done();
  };
  const timer = setTimeout(done, bounds.maxMs);
  timer.unref();
  lingering.set(socket, check);
  socket.on('data', check).once('close', done);
  if (socket.writable) socket.end(answer);
  socket.resume();
}

/** True while answerAndLinger reads on after an answer on this socket. */
export function lingers(socket: Socket): boolean {
  return lingering.has(socket);
}
