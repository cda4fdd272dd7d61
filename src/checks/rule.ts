/**
 * What a rule is (ESLint-style): a stable id, a one-line description, its doc anchor, which
 * messages it applies to, its level per profile, and `create(ctx)` returning listeners that the
 * engine calls during its single walk over each message.
 */
import type { ParseFailure } from '../xml/parse.ts';
import type { NativeDocument } from '../xml/native.ts';
import type { XDocument, XElement } from '../xml/tree.ts';
import type { Finding, HttpFacts, MessageInput, Profile, RuleSetting } from './api.ts';
import type { CompiledAttributes, ComplexContent, CompiledContract, CompiledElement, CompiledMessage, SimpleContent } from './compiled.ts';
import type { SoapVersionInfo } from '../soap/versions.ts';

export type Direction = 'request' | 'response';

/** The envelope as the engine found it (computed once per message). */
export interface EnvelopeView {
  readonly root: XElement;
  /** True when the root element is named Envelope in either SOAP namespace. */
  readonly isEnvelope: boolean;
  /** The SOAP version of the root's namespace, or null. */
  readonly version: SoapVersionInfo | null;
  readonly header: XElement | null;
  readonly body: XElement | null;
  /** Envelope children in the envelope namespace other than the first Header and first Body, plus foreign ones. */
  readonly envelopeChildren: readonly XElement[];
  /** Envelope children that are neither Header nor Body but are the contract's header blocks. */
  readonly misplacedHeaderBlocks: readonly XElement[];
  /** Other Envelope children that are neither Header nor Body nor known header blocks. */
  readonly strays: readonly XElement[];
  /** Element children of Body. */
  readonly bodyChildren: readonly XElement[];
  /** The Fault element, when Body holds one. */
  readonly fault: XElement | null;
}

/** One child element of a complex element, matched (or not) against the compiled contract. */
export interface AlignedChild {
  readonly el: XElement;
  /** Index into the content's children; -1 when the contract has no such field. */
  readonly index: number;
  readonly node?: CompiledElement;
  /** Matched by local name only: the element is in another namespace than the contract's. */
  readonly nsMismatch: boolean;
  /** Another-namespace match the engine forgives because an ancestor was already reported for it. */
  readonly inheritedNsMismatch: boolean;
  /** The namespace substitution in effect here (contract namespace `from` found as `to`), once reported above or here. */
  readonly remap: NsRemap | null;
  /** This field, or a field it stands inside, is marked secret: its value is never quoted. */
  readonly secret: boolean;
  /** Not a field of the contract, but allowed by one of the content's wildcards (xsd:any). */
  readonly wildcard?: boolean;
}

export interface NsRemap { readonly from: string; readonly to: string }

export interface Alignment {
  readonly items: readonly AlignedChild[];
  /** Occurrences per expected child (same indexes as content.children). */
  readonly counts: readonly number[];
  /** Non-whitespace text directly inside (mixed content), if any. */
  readonly text: string | null;
}

export interface HeaderMatch {
  readonly compiled: CompiledMessage;
  /** Header blocks found (inside Header, or misplaced under Envelope), in document order. */
  readonly blocks: readonly AlignedChild[];
}

export interface RuleListeners {
  parseFailure?(failure: ParseFailure): void;
  document?(doc: XDocument): void;
  envelope?(env: EnvelopeView): void;
  http?(http: HttpFacts, env: EnvelopeView | null): void;
  fault?(fault: XElement, env: EnvelopeView): void;
  /** The body's content against the expected body element (not called for faults). */
  body?(env: EnvelopeView, expected: CompiledElement): void;
  headers?(match: HeaderMatch, env: EnvelopeView): void;
  /** Every element matched to a compiled element (header blocks, the body element, fields). */
  element?(el: XElement, node: CompiledElement, match: AlignedChild): void;
  /** The children of a complex element against its expected content. */
  children?(parent: XElement, node: CompiledElement, content: ComplexContent, alignment: Alignment): void;
  /** The attributes of an element whose content says which it allows (not called for nil elements). */
  attributes?(el: XElement, node: CompiledElement, attributes: CompiledAttributes, match: AlignedChild): void;
  /** Element children where simple content was expected. */
  unexpectedElements?(parent: XElement, node: CompiledElement, kids: readonly XElement[]): void;
  /** The text of a simple-content element (not nil). */
  value?(el: XElement, node: CompiledElement, text: string, content: SimpleContent, match: AlignedChild): void;
}

export interface ReportDescriptor {
  /** Element the finding is about: gives path and line unless they are given. */
  el?: XElement;
  path?: string;
  line?: number;
  column?: number;
  message: string;
  expected?: string;
  actual?: string;
  /** Report at most as a warning (e.g. a value outside an enum list known to be incomplete). */
  soft?: boolean;
}

export interface RuleContext {
  readonly compiled: CompiledContract;
  /** The message as received (for rules that hand it to the engine whole: schema/xsd, expectation/failed). */
  readonly input: MessageInput;
  /** The engine's document of the message, while the checks run — only for rules whose usesNative says so. */
  readonly native: NativeDocument | undefined;
  readonly message: CompiledMessage;
  readonly direction: Direction;
  readonly profile: Profile;
  /** Secrets in text quoted from the message → `***`; call it before shortening such text (CheckConfig.mask). */
  mask(text: string): string;
  report(d: ReportDescriptor): void;
}

export interface Rule {
  /** Stable public id, e.g. `field/missing`. */
  readonly id: string;
  /** One line: what it finds. */
  readonly description: string;
  /** Anchor in docs/rules.md. */
  readonly docs: string;
  readonly appliesTo: Direction | 'both';
  /** Level when the config does not set one. */
  readonly levels: Readonly<Record<Profile, RuleSetting>>;
  /**
   * Called once per compiled contract, direction and configuration, not per message (the engine reuses the listeners for
   * every message of that kind): work that depends only on the contract belongs here. State a listener keeps
   * for later listeners of the same message must be set afresh by each message (`document`, and
   * `parseFailure` for a message that does not parse).
   */
  create(ctx: RuleContext): RuleListeners;
  /** True when the rule needs the engine's document (ctx.native) for messages of this compiled contract. */
  usesNative?(compiled: CompiledContract): boolean;
}

/** Link to the rule's section of docs/rules.md (GitHub's heading slug of `` `id` ``: punctuation other than `-` dropped). */
export function docsAnchor(id: string): string {
  return `docs/rules.md#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-')}`;
}

export type { Finding };
