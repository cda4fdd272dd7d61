/**
 * The bytes of request bodies the mock holds at once, over all connections. One body is bounded by
 * `maxBodyBytes`; without a total, many connections each sending just under it (300 × 4 MiB) would take the heap.
 * Past the total a request is answered 503 (retry later) instead of being read, and the mock keeps serving.
 */
export class ByteBudget {
  #held = 0;

  constructor(readonly max: number) {}

  /** Bytes held now. */
  get held(): number {
    return this.#held;
  }

  /** Hold `n` more bytes; false (and nothing held) when that would pass the total. */
  take(n: number): boolean {
    if (this.#held + n > this.max) return false;
    this.#held += n;
    return true;
  }

  /** Give back `n` bytes taken before. */
  give(n: number): void {
    this.#held = Math.max(0, this.#held - n);
  }
}
