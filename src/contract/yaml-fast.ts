/**
 * The fast reading of a contract, types or pack file: js-yaml into plain data, without the source
 * positions that only a problem needs (yaml-source.ts re-reads a file with positions when one is
 * reported). It gives exactly the data of the positions reading (the `yaml` library's YAML 1.2
 * core schema, scalars under `example` and `enum` kept as written), or nothing when it cannot
 * promise that: the caller then takes the positions reading, which says what is wrong.
 *
 * Nothing here for anchors, aliases, tags or directives (a file with `&`, `*`, `!` or `%` anywhere
 * goes the slow way, where aliases are bounded), nor for complex keys, several documents or an
 * empty file. test/contract/yaml-fast.property.test.ts holds the two readings equal.
 */
import jsYaml from 'js-yaml';

/** A plain scalar that is not a string: its value, and its text as written. */
class Written {
  constructor(
    readonly value: null | boolean | number,
    readonly text: string,
  ) {}
  /** As a mapping key: what the `yaml` library makes of it (null → ''). */
  toString(): string {
    return this.value === null ? '' : String(this.value);
  }
  /** So that js-yaml stringifies it as a key with toString (it refuses plain objects as keys). */
  get [Symbol.toStringTag](): string {
    return 'Written';
  }
}

const intResolve = (text: string, offset: number, radix: number) => parseInt(text.slice(offset), radix);

/** The `yaml` library's core schema resolution of plain scalars, in its order. */
const CORE: { tag: string; test: RegExp; value: (text: string) => null | boolean | number }[] = [
  { tag: 'null', test: /^(?:~|[Nn]ull|NULL)?$/, value: () => null },
  { tag: 'bool', test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, value: (s) => s[0] === 't' || s[0] === 'T' },
  { tag: 'int', test: /^0o[0-7]+$/, value: (s) => intResolve(s, 2, 8) },
  { tag: 'int', test: /^[-+]?[0-9]+$/, value: (s) => intResolve(s, 0, 10) },
  { tag: 'int', test: /^0x[0-9a-fA-F]+$/, value: (s) => intResolve(s, 2, 16) },
  {
    tag: 'float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    value: (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { tag: 'float', test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, value: (s) => parseFloat(s) },
  { tag: 'float', test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, value: (s) => parseFloat(s) },
];

// One js-yaml type per rule, each under a tag of its own (js-yaml keeps one type per tag and kind).
const SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: CORE.map(
    (rule, i) =>
      new jsYaml.Type(`tag:soapcheck,2026:${rule.tag}-${i}`, {
        kind: 'scalar',
        resolve: (text: string | null) => text !== null && rule.test.test(text),
        construct: (text: string) => new Written(rule.value(text), text),
      }),
  ),
});

/**
 * Anchors, aliases, tags, directives, complex keys: the slow way. So are compact nested sequences
 * (`- - a`): js-yaml 4 puts the next entry of the outer list into an empty inner one. An `&`, `*`,
 * `!` or `%` can only begin one of the first four where a node or line begins: at the start of a
 * line, after white space or after `[`, `{`, `,` or `:`. Elsewhere (`\d*` in a pattern) it is a
 * character of a scalar, and the file stays on the fast way.
 */
const NOT_FAST = /(?:^|[\s[{,:])[&*!%]|^[ \t-]*\?(?:[ \t]|$)|^[ \t]*-[ \t]+-(?:[ \t]|$)/m;

/**
 * Does every line close what it opens: quoted scalars and flow collections? A quoted scalar or flow
 * collection that runs on to the next line goes the slow way: js-yaml 4 takes continuation lines the
 * yaml library refuses for their indentation. A quote opens a quoted scalar only where a node can
 * begin (the start of a line, after white space, `[`, `{`, `,`, `:`, `-` or `?`); elsewhere, and
 * inside a quoted scalar of the other kind, it is a character (`user's`, `"it's"`). Brackets are
 * counted outside quoted scalars.
 */
function linesClosed(text: string): boolean {
  let quote = 0; // 0, or the code of the quote that opened the scalar we are in
  let open = 0;
  let atStart = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (quote !== 0 || open !== 0) return false;
      atStart = true;
      continue;
    }
    if (quote === 34) {
      if (c === 92) {
        if (text.charCodeAt(i + 1) === 10 || i + 1 >= text.length) return false; // an escaped line break: it runs on
        i++;
      } else if (c === 34) quote = 0;
      continue;
    }
    if (quote === 39) {
      if (c === 39) {
        if (text.charCodeAt(i + 1) === 39) i++;
        else quote = 0;
      }
      continue;
    }
    if ((c === 34 || c === 39) && atStart) {
      quote = c;
      continue;
    }
    if (c === 91 || c === 123) open++;
    else if (c === 93 || c === 125) open--;
    atStart = c === 32 || c === 9 || c === 91 || c === 123 || c === 44 || c === 58 || c === 45 || c === 63;
  }
  return true;
}

/** The file's data, or undefined when only the positions reading can say (or say what is wrong). */
export function fastYamlData(text: string): unknown {
  if (NOT_FAST.test(text) || !linesClosed(text)) return undefined;
  let raw: unknown;
  try {
    raw = jsYaml.load(text, { schema: SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (raw === undefined || raw === null || raw instanceof Written) return undefined;
  return plain(raw, false);
}

/** Written scalars to their values; under `example` (and each item of an `enum` list) to their text. In place. */
function plain(v: unknown, asWritten: boolean): unknown {
  if (v instanceof Written) return asWritten && v.value !== null ? v.text : v.value;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = plain(v[i], false);
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const value = o[key];
      if (key === 'enum' && Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = plain(value[i], true);
        continue;
      }
      const made = plain(value, key === 'example');
      // A `__proto__` key is an own property (as the yaml library makes it): assigning would set the prototype.
      if (made !== value) Object.defineProperty(o, key, { value: made, writable: true, enumerable: true, configurable: true });
    }
  }
  return v;
}
