/** Strict UTF-8 decoding for the files soapcheck reads as text (contracts, types files, pages). */

export type Utf8 = { ok: true; text: string } | { ok: false; line: number; column: number; byte: string };

/** Strict UTF-8 decoding: a file with bytes that are not UTF-8 is refused with the first one's position. */
export function decodeUtf8(bytes: Uint8Array): Utf8 {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (e) {
    let offset = 0;
    for (let len; offset < bytes.length && (len = utf8SequenceLength(bytes, offset)) > 0; ) offset += len;
    if (offset >= bytes.length) throw e; // valid UTF-8 that could not be decoded (too large for a string)
    const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).split('\n');
    return { ok: false, line: lines.length, column: lines.at(-1)!.length + 1, byte: (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0') };
  }
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 when it is not one. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  const c1 = b[i + 1]!;
  if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
  return n;
}
