/**
 * `${NAME}` variables in suites and contract values.
 *
 * A value comes from `--var NAME=value` (wins), else the environment, else the suite's own
 * default. An unknown variable is an input error naming the file and the key where it was used.
 * Secret variables (SO_TICKET, SO_APP_TOKEN, and any the suite marks `secret: true`) are handed
 * to the redactor as soon as they are resolved, so that their values become `***` everywhere.
 */

/** Names that are always secret, whatever the suite says. */
export const ALWAYS_SECRET = new Set(['SO_TICKET', 'SO_APP_TOKEN']);

/** How a suite declares a variable: a plain default, or a declaration. */
export interface VariableDecl {
  /** Used when neither --var nor the environment gives a value. */
  default?: string;
  /** The value is a secret (never in any report or log). */
  secret?: boolean;
  description?: string;
}

export class VariableError extends Error {
  constructor(message: string, readonly file: string, readonly key: string) {
    super(message);
    this.name = 'VariableError';
  }
}

/** Anything that collects secret values (the report redactor). */
export interface SecretSink {
  addSecret(value: string): void;
}

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\$\{/g;

export class Variables {
  private readonly decls: Map<string, VariableDecl>;
  private readonly values = new Map<string, string>();

  constructor(
    private readonly cli: Readonly<Record<string, string>>,
    private readonly env: Readonly<Record<string, string | undefined>>,
    decls: Readonly<Record<string, VariableDecl>> = {},
    private readonly secrets?: SecretSink,
  ) {
    this.decls = new Map(Object.entries(decls));
  }

  isSecret(name: string): boolean {
    return ALWAYS_SECRET.has(name) || this.decls.get(name)?.secret === true;
  }

  /** Value of NAME, or undefined when nothing gives one. Secret values are registered on first use. */
  get(name: string): string | undefined {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    const v = this.cli[name] ?? nonEmpty(this.env[name]) ?? this.decls.get(name)?.default;
    if (v === undefined) return undefined;
    this.values.set(name, v);
    if (this.isSecret(name)) this.secrets?.addSecret(v);
    return v;
  }

  /**
   * Replace every `${NAME}` in `text` (`$${` escapes a literal `${`); names in `overlay` (a scenario's
   * captured values) win. Throws VariableError when a name has no value.
   */
  substitute(text: string, file: string, key: string, overlay?: ReadonlyMap<string, string>): string {
    if (!text.includes('${')) return text;
    return text.replace(REF, (_whole, name: string | undefined) => {
      if (name === undefined) return '${';
      const v = overlay?.get(name) ?? this.get(name);
      if (v === undefined) {
        throw new VariableError(
          `${file}: ${key}: variable \${${name}} has no value (set it in the environment, pass --var ${name}=…, or give it a default under variables:)`,
          file,
          key,
        );
      }
      return v;
    });
  }

  /** Names referenced by `${…}` in text. */
  static references(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(REF)) if (m[1]) out.push(m[1]);
    return out;
  }

  /** Substitute in every value of a map of dotted paths → value. */
  substituteAll(values: Readonly<Record<string, string>>, file: string, keyPrefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) out[k] = this.substitute(String(v), file, `${keyPrefix}.${k}`);
    return out;
  }
}

/** Parse repeated `--var NAME=value` options. */
export function parseVarOptions(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new VariableError(`--var expects NAME=value with NAME made of letters, digits and _, got ${JSON.stringify(item.split('=')[0])}`, '(command line)', '--var');
    }
    out[name] = item.slice(eq + 1);
  }
  return out;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
