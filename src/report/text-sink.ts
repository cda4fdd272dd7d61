/**
 * A file written as a stream of text chunks, for reports written while the run goes on. A write
 * failure (disk full, folder removed, …) does not throw at the writer: it is kept as `error`, later
 * writes are dropped, and `end()` rejects with it, so the reporter can say which report is incomplete.
 */
import { createWriteStream, type WriteStream } from 'node:fs';

export class TextSink {
  readonly path: string;
  readonly #stream: WriteStream;
  #error: Error | undefined;
  #ended = false;

  constructor(path: string) {
    this.path = path;
    this.#stream = createWriteStream(path, { encoding: 'utf8' });
    this.#stream.on('error', (e) => (this.#error ??= e));
  }

  get error(): Error | undefined {
    return this.#error;
  }

  /** Append `text`; the promise (only when the stream is full) resolves once it drained, or failed. */
  write(text: string): Promise<void> | void {
    if (this.#error || this.#ended) return;
    if (!this.#stream.write(text)) return this.#drained();
  }

  /** Finish the file; rejects with the first write error. */
  async end(text = ''): Promise<void> {
    if (!this.#ended) {
      this.#ended = true;
      if (!this.#error) this.#stream.end(text);
      else this.#stream.destroy();
    }
    if (!this.#stream.closed) await new Promise<void>((resolve) => this.#stream.once('close', () => resolve()));
    if (this.#error) throw this.#error;
  }

  #drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#stream.off('drain', done);
        this.#stream.off('error', done);
        resolve();
      };
      this.#stream.on('drain', done);
      this.#stream.on('error', done);
    });
  }
}
