/**
 * The checking engine: parses a message (hostile-input safe), builds the envelope view, and
 * walks the document ONCE against the compiled contract, calling the listeners of every active rule.
 */
import { DEFAULT_LIMITS, parseXml, type ParseLimits, type ParseResult } from '../xml/parse.ts';
import type { NativeDocument } from '../xml/native.ts';
import { attribute, childElements, hasSignificantText, isNil, textContent, type XDocument, type XElement } from '../xml/tree.ts';
import { XSI_NS, clark, resolveQName } from '../xml/qname.ts';
import { builtinCheck, typeLabel } from './lexical/index.ts';
import { versionOfEnvelopeNs } from '../soap/versions.ts';
import { envelopeOfMultipart } from '../soap/xop.ts';
import type { CheckConfig, Finding, MessageInput, RuleSetting, Severity } from './api.ts';
import { PathCache } from './path.ts';
import type { CompiledContent, CompiledContract, CompiledElement, CompiledMessage, SimpleContent } from './compiled.ts';
import type { AlignedChild, Alignment, EnvelopeView, NsRemap, ReportDescriptor, Rule, RuleContext, RuleListeners } from './rule.ts';

export interface CheckOutcome {
  findings: Finding[];
  /** The parsed document, when the message parsed. */
  doc?: XDocument;
}

type Hook = keyof RuleListeners;
type Listeners = { [K in Hook]: NonNullable<RuleListeners[K]>[] };

/** The level a rule runs at under this config (override by id, else the profile's default). */
export function levelOf(rule: Rule, config: CheckConfig): RuleSetting {
  return config.rules?.[rule.id] ?? rule.levels[config.profile];
}

/**
 * Check one message. The rules are created once per rule list, compiled contract, direction and configuration object
 * (a `PreparedChecks`, cached weakly by those objects) and reused for every message of that kind: a
 * message pays for its parse and its walk, not for setting the rules up again.
 *
 * `parsed`: the message already parsed by the caller (with `parseLimitsOf(config)`, and `keepNative` when
 * `needsNative` says so), e.g. to route it by its body element first; it is not parsed again. The caller
 * keeps ownership of its native document (disposes it).
 */
export function runChecks(rules: readonly Rule[], compiled: CompiledContract, input: MessageInput, config: CheckConfig, parsed?: ParseResult): CheckOutcome {
  const prepared = preparedChecks(rules, compiled, input.direction, config);
  // A rule that checks a message from inside a check (none does today) gets a fresh set of rules.
  const run = (i: MessageInput, p?: ParseResult) => (prepared.busy ? new PreparedChecks(rules, compiled, input.direction, config).check(i, p) : prepared.check(i, p));
  // A multipart/related message (SOAP with Attachments, MTOM): the envelope is its root part, line numbers those of the
  // whole message; the caller's parse (of the MIME bytes) is not used. Over the size limit it is not read: the parse reports the size.
  const size = typeof input.body === 'string' ? input.body.length : input.body.byteLength;
  const carried = size > (config.maxBytes ?? DEFAULT_LIMITS.maxBytes) ? undefined : envelopeOfMultipart(input.body, input.http ? (input.http.headers['content-type'] ?? '') : undefined);
  if (!carried) return run(input, parsed);
  if (!carried.ok) return run(input, { ok: false, kind: 'not-xml', message: carried.message, ...(carried.line ? { line: carried.line } : {}) });
  const out = run({ ...input, body: carried.envelope.body });
  const offset = carried.envelope.lineOffset;
  if (offset > 0) for (const f of out.findings) if (f.line !== undefined && f.rule !== 'http/content-type') f.line += offset;
  return out;
}

/** The parser limits a configuration asks for (what the checks parse a message with). */
export function parseLimitsOf(config: CheckConfig): ParseLimits {
  const limits: ParseLimits = {};
  if (config.maxBytes !== undefined) limits.maxBytes = config.maxBytes;
  if (config.maxDepth !== undefined) limits.maxDepth = config.maxDepth;
  if (config.mask) limits.mask = config.mask;
  return limits;
}

/** Do the active rules need the engine's own document of a message of this compiled contract (parse with `keepNative`)? */
export function needsNative(rules: readonly Rule[], compiled: CompiledContract, config: CheckConfig): boolean {
  return rules.some((r) => r.usesNative?.(compiled) === true && levelOf(r, config) !== 'off');
}

type ByDirection = { request?: PreparedChecks; response?: PreparedChecks };
const prepared = new WeakMap<readonly Rule[], WeakMap<CheckConfig, WeakMap<CompiledContract, ByDirection>>>();

/**
 * Configurations without a mask, by what they say: a caller that writes its configuration as a literal on every
 * call (`{ profile: 'strict' }`) still finds the rules it used before. Bounded: cleared past 64 kinds.
 */
const sameConfig = new Map<string, CheckConfig>();

function canonicalConfig(config: CheckConfig): CheckConfig {
  if (config.mask) return config;
  const key = `${config.profile}|${config.maxBytes ?? ''}|${config.maxDepth ?? ''}|${config.rules ? JSON.stringify(config.rules) : ''}`;
  const known = sameConfig.get(key);
  if (known) return known;
  if (sameConfig.size >= 64) sameConfig.clear();
  sameConfig.set(key, config);
  return config;
}

function preparedChecks(rules: readonly Rule[], compiled: CompiledContract, direction: 'request' | 'response', given: CheckConfig): PreparedChecks {
  let byConfig = prepared.get(rules);
  if (!byConfig) prepared.set(rules, (byConfig = new WeakMap()));
  let byCompiled = byConfig.get(given);
  let config = given;
  if (!byCompiled) {
    config = canonicalConfig(given);
    byCompiled = byConfig.get(config);
    if (!byCompiled) byConfig.set(config, (byCompiled = new WeakMap()));
  }
  let byDirection = byCompiled.get(compiled);
  if (!byDirection) byCompiled.set(compiled, (byDirection = {}));
  return (byDirection[direction] ??= new PreparedChecks(rules, compiled, direction, config));
}

/** One active rule's context: made once with its rule, reporting into the message being checked. */
class PreparedRule implements RuleContext {
  reported = 0;
  suppressed = 0;
  last: Finding | undefined;
  readonly direction: 'request' | 'response';
  readonly profile: CheckConfig['profile'];
  readonly message: CompiledMessage;
  readonly mask: (text: string) => string;

  constructor(
    private readonly checks: PreparedChecks,
    readonly rule: Rule,
    readonly level: Severity,
    readonly compiled: CompiledContract,
  ) {
    this.direction = checks.direction;
    this.profile = checks.config.profile;
    this.message = checks.message;
    this.mask = checks.mask;
  }

  get input(): MessageInput { return this.checks.input!; }
  get native(): NativeDocument | undefined { return this.checks.native; }

  report(d: ReportDescriptor): void {
    const checks = this.checks;
    // Bounded output (and bounded time: paths cost a walk over siblings) on hostile input.
    if (this.reported >= MAX_FINDINGS_PER_RULE) {
      if (this.suppressed++ === 0) checks.truncated.push(this);
      return;
    }
    this.reported++;
    const mask = this.mask;
    const f: Finding = {
      rule: this.rule.id,
      severity: d.soft ? 'warn' : this.level,
      message: clip(mask(d.message)),
      path: d.path ?? (d.el ? (checks.paths ??= new PathCache()).pathOf(d.el) : '/'),
    };
    const line = d.line ?? d.el?.line;
    if (line !== undefined && line > 0) f.line = line;
    if (d.column !== undefined) f.column = d.column;
    if (d.expected !== undefined) f.expected = clip(mask(d.expected));
    if (d.actual !== undefined) f.actual = clip(mask(d.actual));
    checks.findings.push(f);
    this.last = f;
  }

  /** The closing finding that counts what was not shown. */
  truncation(): Finding {
    const last = this.last!;
    const n = this.suppressed;
    return { rule: this.rule.id, severity: this.level, message: `${n} more ${this.rule.id} finding${n === 1 ? '' : 's'} not shown (at most ${MAX_FINDINGS_PER_RULE} per rule and message)`, path: last.path, ...(last.line ? { line: last.line } : {}), expected: `at most ${MAX_FINDINGS_PER_RULE} findings`, actual: `${MAX_FINDINGS_PER_RULE + n}` };
  }
}

/** The active rules of one compiled contract, direction and configuration, created once; `check` checks one message with them. */
class PreparedChecks {
  readonly on: Listeners = {
    parseFailure: [], document: [], envelope: [], http: [], fault: [], body: [], headers: [],
    element: [], children: [], attributes: [], unexpectedElements: [], value: [],
  };
  readonly message: CompiledMessage;
  readonly mask: (text: string) => string;
  readonly limits: ParseLimits;
  readonly wantsNative: boolean;
  readonly active: PreparedRule[] = [];
  // The message being checked.
  busy = false;
  input: MessageInput | undefined;
  native: NativeDocument | undefined;
  findings: Finding[] = [];
  truncated: PreparedRule[] = [];
  paths: PathCache | undefined;

  constructor(
    rules: readonly Rule[],
    readonly compiled: CompiledContract,
    readonly direction: 'request' | 'response',
    readonly config: CheckConfig,
  ) {
    this.message = direction === 'request' ? compiled.request : compiled.response;
    this.mask = config.mask ?? noMask;
    this.limits = parseLimitsOf(config);
    // Rules that hand the message to the engine (schema/xsd) use its own document of this parse.
    this.wantsNative = needsNative(rules, compiled, config);
    for (const rule of rules) {
      if (rule.appliesTo !== 'both' && rule.appliesTo !== direction) continue;
      const level = levelOf(rule, config);
      if (level === 'off') continue;
      const ctx = new PreparedRule(this, rule, level, compiled);
      this.active.push(ctx);
      const ls = rule.create(ctx);
      for (const k of Object.keys(ls) as Hook[]) (this.on[k] as unknown[]).push(ls[k]);
    }
  }

  check(input: MessageInput, given?: ParseResult): CheckOutcome {
    this.busy = true;
    this.input = input;
    this.findings = [];
    this.truncated = [];
    this.paths = undefined; // made for the message's first finding that needs a path
    for (const r of this.active) { r.reported = 0; r.suppressed = 0; r.last = undefined; }
    let parsed = given;
    let owned: NativeDocument | undefined;
    try {
      if (!parsed || (this.wantsNative && parsed.ok && !parsed.native)) {
        parsed = parseXml(input.body, this.limits, { keepNative: this.wantsNative });
        if (parsed.ok) owned = parsed.native;
      }
      const on = this.on;
      if (!parsed.ok) {
        for (const l of on.parseFailure) l(parsed);
        if (input.http) for (const l of on.http) l(input.http, null);
        return { findings: this.finish() };
      }
      this.native = parsed.native;
      walkParsed(parsed.doc, this.compiled, this.message, input, on);
      return { findings: this.finish(), doc: parsed.doc };
    } finally {
      owned?.dispose();
      this.native = undefined;
      this.input = undefined;
      this.paths = undefined;
      this.busy = false;
    }
  }

  private finish(): Finding[] {
    const findings = this.findings;
    findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const r of this.truncated) findings.push(r.truncation());
    this.findings = [];
    this.truncated = [];
    return findings;
  }
}

function walkParsed(doc: XDocument, compiled: CompiledContract, message: CompiledMessage, input: MessageInput, on: Listeners): void {
  for (const l of on.document) l(doc);
  const env = envelopeView(doc.root, message);
  for (const l of on.envelope) l(env);
  if (input.http) for (const l of on.http) l(input.http, env);
  if (!env.isEnvelope) return;

  const walker = new Walker(on, compiled);
  walker.headers(env, message);
  if (env.fault && input.direction === 'response') {
    for (const l of on.fault) l(env.fault, env);
  } else if (env.body) {
    for (const l of on.body) l(env, message.body);
    const payload = env.bodyChildren[0];
    if (payload && payload.local === message.body.name.local) {
      const nsMismatch = payload.ns !== message.body.name.ns;
      const remap = nsMismatch ? { from: message.body.name.ns, to: payload.ns } : null;
      walker.walk(payload, message.body, { el: payload, index: 0, node: message.body, nsMismatch, inheritedNsMismatch: false, remap, secret: message.body.secret });
    }
  }
}

/** Most findings one rule reports on one message; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_RULE = 100;

/** Longest message, expected or actual text of a finding: values, codes and names quoted from a hostile message are clipped. */
export const MAX_FINDING_TEXT = 1000;

const noMask = (text: string): string => text;

/** Shortens a finding text; it must be masked first (`mask`), so the cut never keeps the start of a secret. */
function clip(s: string): string {
  return s.length > MAX_FINDING_TEXT ? `${s.slice(0, MAX_FINDING_TEXT - 1)}…` : s;
}

export function envelopeView(root: XElement, message: CompiledMessage): EnvelopeView {
  const version = versionOfEnvelopeNs(root.ns);
  const isEnvelope = root.local === 'Envelope';
  const envNs = root.ns;
  let header: XElement | null = null;
  let body: XElement | null = null;
  const envelopeChildren = isEnvelope ? childElements(root) : [];
  const misplaced: XElement[] = [];
  const strays: XElement[] = [];
  for (const c of envelopeChildren) {
    if (c.ns === envNs && c.local === 'Header' && !header && !body) header = c;
    else if (c.ns === envNs && c.local === 'Body' && !body) body = c;
    else if (c.ns !== envNs && (message.headerByName.has(clark(c)) || message.headerByLocal.has(c.local))) misplaced.push(c);
    else strays.push(c);
  }
  const bodyChildren = body ? childElements(body) : [];
  const fault = bodyChildren.find((c) => c.local === 'Fault' && c.ns === envNs) ?? null;
  return { root, isEnvelope, version, header, body, envelopeChildren, misplacedHeaderBlocks: misplaced, strays, bodyChildren, fault };
}

const selfTyped = new Map<string, SimpleContent>();

/** Simple content for an element whose xsi:type names an XSD (or .NET serialization) built-in. */
function selfTypedContent(el: XElement): SimpleContent | undefined {
  const a = attribute(el, XSI_NS, 'type');
  const t = a ? resolveQName(a.value, el.scope, true) : null;
  if (!t) return undefined;
  const key = clark(t);
  let c = selfTyped.get(key);
  if (!c) {
    const lexical = builtinCheck(t);
    if (!lexical) return undefined;
    c = { kind: 'simple', label: typeLabel(t), lexical };
    selfTyped.set(key, c);
  }
  return c;
}

class Walker {
  constructor(
    private readonly on: Listeners,
    private readonly compiled: CompiledContract,
  ) {}

  /**
   * The content an element holds: its declared content, or — when its xsi:type names another type
   * that may stand in for the declared one (anything in an anyType field) — that type's content.
   */
  private contentOf(el: XElement, node: CompiledElement): CompiledContent {
    const declared = node.declaredType;
    if (!declared) return node.content;
    const a = attribute(el, XSI_NS, 'type');
    if (!a) return node.content;
    const t = resolveQName(a.value, el.scope, true);
    if (!t || (t.ns === declared.ns && t.local === declared.local) || !this.compiled.substitutable(t, declared)) return node.content;
    return this.compiled.typeContent(t);
  }

  headers(env: EnvelopeView, message: CompiledMessage): void {
    const found = [...(env.header ? childElements(env.header) : []), ...env.misplacedHeaderBlocks];
    const blocks: AlignedChild[] = found.map((el) => {
      const exact = message.headerByName.get(clark(el));
      if (exact) return { el, index: message.headers.indexOf(exact), node: exact, nsMismatch: false, inheritedNsMismatch: false, remap: null, secret: exact.secret };
      const byLocal = message.headerByLocal.get(el.local);
      if (byLocal) return { el, index: message.headers.indexOf(byLocal), node: byLocal, nsMismatch: true, inheritedNsMismatch: false, remap: { from: byLocal.name.ns, to: el.ns }, secret: byLocal.secret };
      return { el, index: -1, nsMismatch: false, inheritedNsMismatch: false, remap: null, secret: false };
    });
    for (const l of this.on.headers) l({ compiled: message, blocks }, env);
    for (const b of blocks) {
      if (b.node) this.walk(b.el, b.node, b);
    }
  }

  walk(el: XElement, node: CompiledElement, match: AlignedChild): void {
    const remap = match.remap;
    for (const l of this.on.element) l(el, node, match);
    if (isNil(el)) return;
    let content = this.contentOf(el, node);
    if (content.kind === 'any') {
      // The contract says nothing; a built-in xsi:type still says what the value must look like.
      const self = selfTypedContent(el);
      if (!self) return;
      content = self;
    }
    if (content.attributes && this.on.attributes.length) {
      for (const l of this.on.attributes) l(el, node, content.attributes, match);
    }
    if (content.kind === 'simple') {
      // Most values have no element inside: no list is made for them.
      if (hasElementChild(el)) {
        const kids = childElements(el);
        for (const l of this.on.unexpectedElements) l(el, node, kids);
        return;
      }
      if (this.on.value.length) {
        const text = textContent(el);
        for (const l of this.on.value) l(el, node, text, content, match);
      }
      return;
    }
    const counts = new Array<number>(content.children.length).fill(0);
    const items: AlignedChild[] = [];
    for (const c of el.children) {
      if (c.kind !== 'element') continue;
      let index = content.byNs.get(c.ns)?.get(c.local);
      let nsMismatch = false;
      let inherited = false;
      if (index === undefined) {
        index = content.byLocal.get(c.local);
        if (index !== undefined) {
          const expectedNs = content.children[index]!.name.ns;
          if (remap && remap.to === c.ns && remap.from === expectedNs) inherited = true;
          else nsMismatch = true;
        }
      }
      if (index === undefined) {
        const wildcard = content.wildcards.length > 0 && content.wildcards.some((w) => w.matches(c.ns));
        items.push({ el: c, index: -1, nsMismatch: false, inheritedNsMismatch: false, remap, secret: match.secret, wildcard });
        continue;
      }
      counts[index]!++;
      const child = content.children[index]!;
      const childRemap: NsRemap | null = nsMismatch ? { from: child.name.ns, to: c.ns } : remap;
      items.push({ el: c, index, node: child, nsMismatch, inheritedNsMismatch: inherited, remap: childRemap, secret: match.secret || child.secret });
    }
    const alignment: Alignment = { items, counts, text: hasSignificantText(el) ? textContent(el).trim() : null };
    for (const l of this.on.children) l(el, node, content, alignment);
    for (const it of items) {
      if (it.node) this.walk(it.el, it.node, it);
    }
  }
}

function hasElementChild(el: XElement): boolean {
  for (const c of el.children) if (c.kind === 'element') return true;
  return false;
}
