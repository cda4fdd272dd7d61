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
