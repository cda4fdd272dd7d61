/**
 * A decoded view of text, for finding secrets by meaning rather than by spelling: XML entity and character
 * references, CDATA section markers, comments and processing instructions (which add nothing to the text an XML
 * reader sees), %-escapes (UTF-8) and JSON escapes are decoded, and every decoded character remembers the range
 * of the original text it came from. A secret found in the decoded text is masked over that original range, so
 * `&#116;&#107;-1` , `t<!-- -->k-1`, `<![CDATA[t]]><![CDATA[k-1]]>`, `%74k-1` and `\u0074k-1` all hide `tk-1`.
 *
 * One left-to-right pass per level, each step bounded (a reference is at most a few characters; a comment, CDATA
 * section or processing instruction is skipped by one `indexOf`), so the cost is linear in the text.
 */

/** Decoded text plus, for decoded character k, the original range [start[k], end[k]). */
export interface DecodedText {
  readonly text: string;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
}

/** Something decodable is present: without it the decoded text is the text itself. */
const DECODABLE = /[&%\\]|<[!?]/;

/** Levels of encoding undone (XML escaped twice, %-encoding inside an attribute, …). */
const MAX_LEVELS = 3;

/** Named references XML and HTML writers use for the characters that must be escaped. */
const NAMED = new Map<string, number>([
  ['amp', 0x26],
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['quot', 0x22],
  ['apos', 0x27],
  ['nbsp', 0xa0],
]);

/**
 * The decoded view after each level of decoding (one to MAX_LEVELS views; none when nothing decodes), each mapped
 * to the original text. A value can be readable at one level and gone at the next: `%3C%3F%3F%3Eab` is `<??>ab`
 * after one level, and `ab` after two, where `<??>` reads as a processing instruction. Search them all.
 */
export function decodeLevels(text: string): DecodedText[] {
  if (!DECODABLE.test(text)) return [];
  let view = decodeOnce(text);
  if (!view) return [];
  const levels = [view];
  for (let level = 1; level < MAX_LEVELS && DECODABLE.test(view.text); level++) {
    const inner = decodeOnce(view.text);
    if (!inner) break;
    view = compose(view, inner);
    levels.push(view);
  }
  return levels;
}

/** `inner` decodes `outer.text`: map its ranges back to the original text. */
function compose(outer: DecodedText, inner: DecodedText): DecodedText {
  const n = inner.text.length;
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    start[k] = outer.start[inner.start[k]!]!;
    end[k] = outer.end[inner.end[k]! - 1]!;
  }
  return { text: inner.text, start, end };
}

/**
 * Builds the decoded text of `s` left to right: plain text is taken over in runs, a decoded character replaces the
 * characters that spell it, a dropped range (markup) gives nothing. Never longer than `s`, so allocated once; the
 * text is made from UTF-16 units in one step at the end (joining a piece per reference cost more than the decoding).
 */
class Builder {
  readonly #s: string;
  readonly #units: Uint16Array;
  readonly #start: Uint32Array;
  readonly #end: Uint32Array;
  #n = 0;
  #run = 0; // s[#run, …) is plain text not yet taken over
  changed = false;

  constructor(s: string) {
    this.#s = s;
    this.#units = new Uint16Array(s.length);
    this.#start = new Uint32Array(s.length);
    this.#end = new Uint32Array(s.length);
  }

  /** One decoded character, spelled by s[from, to). */
  decoded(codePoint: number, from: number, to: number): void {
    this.#plainUpTo(from);
    if (codePoint > 0xffff) {
      const c = codePoint - 0x10000;
      this.#unit(0xd800 + (c >> 10), from, to);
      this.#unit(0xdc00 + (c & 0x3ff), from, to);
    } else {
      this.#unit(codePoint, from, to);
    }
    this.#run = to;
    this.changed = true;
  }

  /** s[from, to) adds nothing to the text (a comment, a CDATA marker). */
  drop(from: number, to: number): void {
    this.#plainUpTo(from);
    this.#run = to;
    this.changed = true;
  }

  done(): DecodedText {
    this.#plainUpTo(this.#s.length);
    const n = this.#n;
    const text = Buffer.from(this.#units.buffer, 0, n * 2).toString('utf16le');
    return { text, start: this.#start.subarray(0, n), end: this.#end.subarray(0, n) };
  }

  #unit(u: number, from: number, to: number): void {
    this.#units[this.#n] = u;
    this.#start[this.#n] = from;
    this.#end[this.#n] = to;
    this.#n++;
  }

  #plainUpTo(to: number): void {
    const s = this.#s;
    const units = this.#units;
    const start = this.#start;
    const end = this.#end;
    let n = this.#n;
    for (let j = this.#run; j < to; j++, n++) {
      units[n] = s.charCodeAt(j);
      start[n] = j;
      end[n] = j + 1;
    }
    this.#n = n;
    if (to > this.#run) this.#run = to;
  }
}

function decodeOnce(s: string): DecodedText | null {
  const b = new Builder(s);
  const unclosed = { comment: false, pi: false };
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x26 /* & */) i += reference(s, i, b) || 1;
    else if (c === 0x25 /* % */) i += percent(s, i, b) || 1;
    else if (c === 0x5c /* \ */) i += jsonEscape(s, i, b) || 1;
    else if (c === 0x3c /* < */) i += markup(s, i, b, unclosed) || 1;
    else i++;
  }
  return b.changed ? b.done() : null;
}

/** `&name;`, `&#N;`, `&#xH;` at i: characters used (0 when not a reference). Digits read in place, at most 8. */
function reference(s: string, i: number, b: Builder): number {
  let j = i + 1;
  let cp = -1;
  if (s.charCodeAt(j) === 0x23 /* # */) {
    j++;
    const hex = s.charCodeAt(j) === 0x78 /* x */ || s.charCodeAt(j) === 0x58; /* X */
    if (hex) j++;
    const first = j;
    let v = 0;
    for (; j < s.length && j - first < 8; j++) {
      const d = digit(s.charCodeAt(j), hex ? 16 : 10);
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + d;
    }
    if (j > first) cp = v;
  } else {
    const first = j;
    while (j < s.length && j - first < 6 && isAsciiLetter(s.charCodeAt(j))) j++;
    cp = NAMED.get(s.slice(first, j)) ?? -1;
  }
  if (cp < 0 || cp > 0x10ffff || s.charCodeAt(j) !== 0x3b /* ; */) return 0;
  b.decoded(cp, i, j + 1);
  return j + 1 - i;
}

function digit(c: number, radix: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (radix === 16 && ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))) return (c | 0x20) - 0x61 + 10;
  return -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Comments, processing instructions and CDATA markers add nothing to the text; CDATA content is literal. An
 * unclosed comment or instruction stays text, and once a search for an end has failed no later one is made.
 */
function markup(s: string, i: number, b: Builder, unclosed: { comment: boolean; pi: boolean }): number {
  if (s.startsWith('<!--', i)) return dropDelimited(s, i, '<!--', '-->', b, unclosed, 'comment');
  if (s.startsWith('<?', i)) return dropDelimited(s, i, '<?', '?>', b, unclosed, 'pi');
  if (s.startsWith('<![CDATA[', i)) {
    b.drop(i, i + 9);
    const close = s.indexOf(']]>', i + 9);
    if (close < 0) return s.length - i;
    b.drop(close, close + 3);
    return close + 3 - i;
  }
  return 0;
}

/**
 * A comment or processing instruction at i (`open` … `close`), dropped whole: characters used, 0 when it is not
 * closed. Once a search for `close` has failed (`unclosed[kind]`) none is made again: the text has no later one,
 * and searching from each later `open` would be quadratic.
 */
function dropDelimited(s: string, i: number, open: string, close: string, b: Builder, unclosed: { comment: boolean; pi: boolean }, kind: 'comment' | 'pi'): number {
  const at = unclosed[kind] ? -1 : s.indexOf(close, i + open.length);
  unclosed[kind] = at < 0;
  if (at < 0) return 0;
  b.drop(i, at + close.length);
  return at + close.length - i;
}

function hexAt(s: string, i: number, digits: number): number {
  if (i + digits > s.length) return -1;
  let v = 0;
  for (let j = i; j < i + digits; j++) {
    const d = parseInt(s[j]!, 16);
    if (Number.isNaN(d)) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** `%XX` (a UTF-8 sequence of them for a non-ASCII character) at i: characters used. */
function percent(s: string, i: number, b: Builder): number {
  const first = hexAt(s, i + 1, 2);
  if (first < 0) return 0;
  const len = first < 0x80 ? 1 : first >= 0xf0 && first < 0xf8 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 0;
  if (len === 0) return 0;
  let cp = len === 1 ? first : first & (0x3f >> (len - 1));
  for (let k = 1; k < len; k++) {
    if (s.charCodeAt(i + 3 * k) !== 0x25) return 0;
    const cont = hexAt(s, i + 3 * k + 1, 2);
    if (cont < 0 || (cont & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (cont & 0x3f);
  }
  if (cp > 0x10ffff) return 0;
  b.decoded(cp, i, i + 3 * len);
  return 3 * len;
}

/** The one-character JSON (and JavaScript) escapes. */
const JSON_SIMPLE = new Map<string, number>([
  ['"', 0x22],
  ['\\', 0x5c],
  ['/', 0x2f],
  ["'", 0x27],
  ['b', 0x08],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
]);

/** `\"`, `\\`, `\n`, `\u00e4`, … at i: characters used. */
function jsonEscape(s: string, i: number, b: Builder): number {
  const e = s[i + 1];
  if (e === undefined) return 0;
  if (e === 'u') {
    const u = hexAt(s, i + 2, 4);
    if (u < 0) return 0;
    b.decoded(u, i, i + 6);
    return 6;
  }
  const simple = JSON_SIMPLE.get(e);
  if (simple === undefined) return 0;
  b.decoded(simple, i, i + 2);
  return 2;
}
