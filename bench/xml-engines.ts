/**
 * XML engines side by side: libxml2-wasm (soapcheck's engine) against libxmljs2, on the shared
 * corpus, in one run. Evidence for docs/decisions/0001-xml-engine.md.
 *
 *   npx tsx bench/xml-engines.ts            # libxml2-wasm only (and soapcheck's parseXml)
 *
 * To compare, install libxmljs2 (a native build with node-gyp: g++, make, python3, Node headers;
 * npm 11 picks 0.35.0 on Node 20, as 0.37.0 wants Node 22), either into the project
 *   npm install --no-save libxmljs2 && npx tsx bench/xml-engines.ts
 * or, leaving the project's node_modules alone, into a scratch folder:
 *   (mkdir -p /tmp/lx && cd /tmp/lx && npm init -y && npm install libxmljs2)
 *   NODE_PATH=/tmp/lx/node_modules npx tsx bench/xml-engines.ts
 *
 * Prints, per engine: parse time and parse + full tree walk (every element, attribute, namespace
 * declaration and text) over the corpus, memory held by the parsed corpus (each engine in its own
 * child process), and what each engine does with hostile input under its default options, the
 * hardened options soapcheck would use, and a misconfiguration (entity substitution, DTD loading,
 * XInclude, HUGE). Every hostile case runs in a child process with a time limit, so a crash or
 * hang of an engine is reported, not suffered. Runtime: well under a minute.
 *
 * libxmljs2 is not a dependency of soapcheck; this bench imports it only when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseOption, XmlCData, XmlComment, XmlDocument, XmlElement, XmlText } from 'libxml2-wasm';
import { parseXml as soapcheckParse, type XElement } from '../src/xml/index.ts';
import { loadXmlSamples, type XmlSample } from '../test/support/xml-samples.ts';

// ---------------------------------------------------------------------------------------------
// The engines, behind one small interface.

interface Engine {
  name: string;
  version: string;
  /** Parse and release; throws on a refused document. */
  parse(text: string): void;
  /** Parse, visit every node, release; returns a count so the walk cannot be optimised away. */
  parseWalk(text: string): number;
  /** Parse and keep (for the memory measurement). */
  hold(text: string): unknown;
}

/** The options soapcheck's src/xml/parse.ts gives libxml2-wasm. */
const WASM_SAFE =
  ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_NO_SYS_CATALOG | ParseOption.XML_PARSE_BIG_LINES;

const require = createRequire(import.meta.url);
const wasmVersion = (require('libxml2-wasm/package.json') as { version: string }).version;

function walkWasm(el: XmlElement): number {
  let n = 1 + el.name.length + (el.namespaceUri ?? '').length + (el.prefix ?? '').length + el.line;
  for (const a of el.attrs) n += a.name.length + a.value.length + (a.namespaceUri ?? '').length;
  const decl = el.nsDeclarations;
  for (const k in decl) n += k.length + decl[k]!.length;
  for (let c = el.firstChild; c; c = c.next) {
    if (c instanceof XmlElement) n += walkWasm(c);
    else if (c instanceof XmlText || c instanceof XmlCData || c instanceof XmlComment) n += c.content.length;
  }
  return n;
}

const libxml2Wasm: Engine = {
  name: 'libxml2-wasm',
  version: `${wasmVersion} (libxml2 2.15.x)`,
  parse(text) {
    XmlDocument.fromString(text, { option: WASM_SAFE }).dispose();
  },
  parseWalk(text) {
    const doc = XmlDocument.fromString(text, { option: WASM_SAFE });
    try {
      return walkWasm(doc.root);
    } finally {
      doc.dispose();
    }
  },
  hold(text) {
    return XmlDocument.fromString(text, { option: WASM_SAFE });
  },
};

function walkTree(el: XElement): number {
  let n = 1 + el.local.length + el.ns.length + el.prefix.length + el.line;
  for (const a of el.attrs) n += a.local.length + a.value.length + a.ns.length;
  for (const k in el.declared) n += k.length + el.declared[k]!.length;
  for (const c of el.children) {
    if (c.kind === 'element') n += walkTree(c);
    else if (c.kind !== 'pi') n += c.value.length;
  }
  return n;
}

/** soapcheck's own parseXml: libxml2-wasm plus the conversion to the plain read-only tree. */
const soapcheck: Engine = {
  name: 'soapcheck parseXml',
  version: 'src/xml over libxml2-wasm',
  parse(text) {
    const r = soapcheckParse(text);
    if (!r.ok) throw new Error(r.message);
  },
  parseWalk(text) {
    const r = soapcheckParse(text);
    if (!r.ok) throw new Error(r.message);
    return walkTree(r.doc.root);
  },
  hold(text) {
    return soapcheckParse(text);
  },
};

/* The slice of libxmljs2's API used here (it ships its own .d.ts, but it is not installed for type checking). */
interface LxNode {
  type(): string;
  name(): string;
  text(): string;
  line(): number;
  namespace(): { href(): string; prefix(): string | null } | null;
  namespaces(onlyLocal: boolean): { href(): string; prefix(): string | null }[];
  attrs(): { name(): string; value(): string; namespace(): { href(): string } | null }[];
  childNodes(): LxNode[];
}
interface Libxmljs {
  version: string;
  libxml_version: string;
  parseXml(text: string, options: Record<string, boolean>): { root(): LxNode | null; errors: unknown[] };
}

function loadLibxmljs2(): Libxmljs | null {
  try {
    return require('libxmljs2') as Libxmljs;
  } catch {
    return null;
  }
}

const LX_SAFE = { nonet: true, big_lines: true };

function walkLx(el: LxNode): number {
  const ns = el.namespace();
  let n = 1 + el.name().length + (ns ? ns.href().length + (ns.prefix() ?? '').length : 0) + el.line();
  for (const a of el.attrs()) n += a.name().length + a.value().length + (a.namespace()?.href().length ?? 0);
  for (const d of el.namespaces(true)) n += (d.prefix() ?? '').length + d.href().length;
  for (const c of el.childNodes()) {
    const t = c.type();
    if (t === 'element') n += walkLx(c);
    else if (t === 'text' || t === 'cdata' || t === 'comment') n += c.text().length;
  }
  return n;
}

function libxmljs2Engine(lx: Libxmljs): Engine {
  return {
    name: 'libxmljs2',
    version: `${lx.version} (libxml2 ${lx.libxml_version})`,
    parse(text) {
      lx.parseXml(text, LX_SAFE);
    },
    parseWalk(text) {
      return walkLx(lx.parseXml(text, LX_SAFE).root()!);
    },
    hold(text) {
      return lx.parseXml(text, LX_SAFE);
    },
  };
}

function engines(): Engine[] {
  const lx = loadLibxmljs2();
  return lx ? [libxml2Wasm, libxmljs2Engine(lx), soapcheck] : [libxml2Wasm, soapcheck];
}

// ---------------------------------------------------------------------------------------------
// Speed.

function accepts(e: Engine, s: XmlSample): boolean {
  try {
    e.parse(s.text);
    return true;
  } catch {
    return false;
  }
}

/** The fastest round: on a shared machine, the round least disturbed by other work. */
function best(xs: number[]): number {
  return Math.min(...xs);
}

function timePass(f: (text: string) => unknown, docs: string[]): number {
  const t0 = performance.now();
  for (const d of docs) f(d);
  return performance.now() - t0;
}

function speed(all: Engine[], samples: XmlSample[]): void {
  console.log(`\n## Corpus\n${samples.length} documents, ${(samples.reduce((n, s) => n + Buffer.byteLength(s.text), 0) / 1e6).toFixed(2)} MB`);
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  console.log(Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', '));

  const acceptedBy = all.map((e) => new Set(samples.filter((s) => accepts(e, s)).map((s) => s.name)));
  console.log('\nAccepted by each engine (the rest refused; node-soap keeps deliberately broken files):');
  all.forEach((e, i) => console.log(`  ${e.name.padEnd(20)} ${acceptedBy[i]!.size} / ${samples.length}`));
  for (let i = 1; i < all.length; i++) {
    const onlyA = [...acceptedBy[0]!].filter((n) => !acceptedBy[i]!.has(n));
    const onlyB = [...acceptedBy[i]!].filter((n) => !acceptedBy[0]!.has(n));
    if (onlyA.length + onlyB.length === 0) continue;
    console.log(`  differences ${all[0]!.name} vs ${all[i]!.name}:`);
    for (const n of onlyA) console.log(`    only ${all[0]!.name}: ${n}`);
    for (const n of onlyB) console.log(`    only ${all[i]!.name}: ${n}`);
  }
  const common = samples.filter((s) => acceptedBy.every((set) => set.has(s.name))).map((s) => s.text);
  const mb = common.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
  console.log(`\n## Speed: ${common.length} documents every engine accepts (${mb.toFixed(2)} MB), best of 7 rounds, engines interleaved`);

  for (const e of all) for (const d of common) e.parseWalk(d); // warm-up
  const rounds = 7;
  const parse = all.map(() => [] as number[]);
  const walk = all.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < all.length; k++) {
      const i = (k + r) % all.length; // rotate the order each round
      const e = all[i]!;
      parse[i]!.push(timePass((t) => e.parse(t), common));
      walk[i]!.push(timePass((t) => e.parseWalk(t), common));
    }
  }
  console.log(`${'engine'.padEnd(20)} ${'version'.padEnd(28)} ${'parse ms'.padStart(9)} ${'MB/s'.padStart(6)} ${'parse+walk ms'.padStart(14)}`);
  const p = parse.map(best);
  const w = walk.map(best);
  all.forEach((e, i) =>
    console.log(`${e.name.padEnd(20)} ${e.version.padEnd(28)} ${p[i]!.toFixed(1).padStart(9)} ${(mb / (p[i]! / 1000)).toFixed(0).padStart(6)} ${w[i]!.toFixed(1).padStart(14)}`),
  );
  const lxI = all.findIndex((e) => e.name === 'libxmljs2');
  console.log('\nRatios (time / time; below 1 means the first is faster):');
  if (lxI >= 0) {
    console.log(`  libxml2-wasm / libxmljs2   parse       ${(p[0]! / p[lxI]!).toFixed(2)}`);
    console.log(`  libxml2-wasm / libxmljs2   parse+walk  ${(w[0]! / w[lxI]!).toFixed(2)}`);
    console.log(`  soapcheck parseXml / libxmljs2 parse+walk  ${(w[all.length - 1]! / w[lxI]!).toFixed(2)}`);
  } else {
    console.log('  (libxmljs2 not installed: `npm install --no-save libxmljs2` to compare)');
  }
  const sc = all.length - 1;
  console.log(`  soapcheck parseXml / libxml2-wasm parse   ${(p[sc]! / p[0]!).toFixed(2)}  (cost of building the plain tree)`);
  console.log(`  soapcheck parseXml+walk / libxml2-wasm parse+walk  ${(w[sc]! / w[0]!).toFixed(2)}`);
}

// ---------------------------------------------------------------------------------------------
// Memory: each engine in its own child process, holding the whole corpus parsed COPIES times.

const COPIES = 5;

function memoryChild(engineName: string): void {
  const e = engines().find((x) => x.name === engineName)!;
  const docs = loadXmlSamples().filter((s) => accepts(e, s)).map((s) => s.text);
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage();
  const held: unknown[] = [];
  for (let c = 0; c < COPIES; c++) for (const d of docs) held.push(e.hold(d));
  gc();
  const after = process.memoryUsage();
  const mb = (k: keyof NodeJS.MemoryUsage): string => ((after[k] - before[k]) / 1e6).toFixed(1);
  const inputMb = (docs.reduce((n, d) => n + Buffer.byteLength(d), 0) * COPIES) / 1e6;
  console.log(JSON.stringify({ docs: held.length, inputMb: inputMb.toFixed(1), rss: mb('rss'), heap: mb('heapUsed'), external: mb('external') }));
}

function memory(all: Engine[]): void {
  console.log(`\n## Memory held by the parsed corpus x${COPIES} (delta after GC, MB; each engine in a fresh process)`);
  console.log(`${'engine'.padEnd(20)} ${'input'.padStart(6)} ${'rss'.padStart(7)} ${'js heap'.padStart(8)} ${'external'.padStart(9)}`);
  for (const e of all) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory', e.name], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    try {
      const m = JSON.parse(line) as Record<string, string>;
      console.log(`${e.name.padEnd(20)} ${m.inputMb!.padStart(6)} ${m.rss!.padStart(7)} ${m.heap!.padStart(8)} ${m.external!.padStart(9)}`);
    } catch {
      console.log(`${e.name.padEnd(20)} failed: ${(r.stderr || String(r.signal)).trim().split('\n')[0]}`);
    }
  }
  console.log('  (libxml2-wasm keeps documents in its wasm memory, an ArrayBuffer counted in rss and external;');
  console.log('   libxmljs2 keeps them in native malloc, counted in rss only; soapcheck keeps plain JS objects.)');
}

// ---------------------------------------------------------------------------------------------
// Hostile input. A secret file is written to a temporary folder; a case "leaks" when its
// content shows up in the parsed document.

const MARKER = 'SOAPCHECK-SECRET-7f3a9c';

function hostileCases(secretFile: string, set: OptionSet): Record<string, string> {
  const url = `file://${secretFile}`;
  const lol = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return {
    'external entity (file)': `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "${url}">]><r>&x;</r>`,
    'parameter entity (file)': `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "${url}"> %p;]><r/>`,
    'external DTD (file)': `<?xml version="1.0"?><!DOCTYPE r SYSTEM "${url}"><r/>`,
    'billion laughs': `<?xml version="1.0"?><!DOCTYPE r [${lol.join('')}]><r>&lol9;</r>`,
    'XInclude (file)': `<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="${url}" parse="text"/></r>`,
    'DOCTYPE, internal only': `<?xml version="1.0"?><!DOCTYPE r [<!ELEMENT r (#PCDATA)>]><r>x</r>`,
    'nesting 300 deep': '<a>'.repeat(300) + '</a>'.repeat(300),
    'nesting 100000 deep': '<a>'.repeat(100_000) + '</a>'.repeat(100_000),
    // Slow to parse (seconds) and the same under every option set: measured once, hardened.
    ...(set === 'hardened' ? { '50 MB body': `<r>${'<i a="1">text</i>'.repeat(50_000_000 / 18)}</r>` } : {}),
  };
}

type OptionSet = 'default' | 'hardened' | 'misconfigured';
const OPTION_SETS: OptionSet[] = ['default', 'hardened', 'misconfigured'];
const WASM_OPTIONS: Record<OptionSet, number> = {
  default: 0,
  hardened: WASM_SAFE,
  misconfigured: ParseOption.XML_PARSE_NOENT | ParseOption.XML_PARSE_DTDLOAD | ParseOption.XML_PARSE_XINCLUDE | ParseOption.XML_PARSE_HUGE,
};
const LX_OPTIONS: Record<OptionSet, Record<string, boolean>> = {
  default: {},
  hardened: LX_SAFE,
  misconfigured: { noent: true, dtdload: true, xinclude: true, huge: true },
};

/** Judged by the document's text content: the secret file's content, or entities expanded into it. */
function describeDoc(textContent: string, inputLength: number): string {
  if (textContent.includes(MARKER)) return 'LEAKED the file';
  if (textContent.length > inputLength * 10) return `entities expanded to ${(textContent.length / 1e6).toFixed(1)} MB of text`;
  return 'parsed, nothing loaded or expanded';
}

function allText(el: XElement): string {
  return el.children.map((c) => (c.kind === 'element' ? allText(c) : c.kind === 'pi' ? '' : c.value)).join('');
}

/** Runs the cases from `from` on for one engine and option set, printing one JSON line per case as it goes. */
function hostileChild(engineName: string, set: OptionSet, secretFile: string, from: number): void {
  const lx = engineName === 'libxmljs2' ? loadLibxmljs2() : null;
  for (const [name, xml] of Object.entries(hostileCases(secretFile, set)).slice(from)) {
    console.log(JSON.stringify({ name, started: true }));
    const t0 = performance.now();
    let outcome: string;
    try {
      if (engineName === 'soapcheck parseXml') {
        const r = soapcheckParse(xml); // its default limits
        outcome = r.ok ? describeDoc(allText(r.doc.root), xml.length) : `refused: ${r.kind}: ${r.message}`;
      } else if (lx) {
        const d = lx.parseXml(xml, LX_OPTIONS[set]);
        outcome = describeDoc(d.root()?.text() ?? '', xml.length);
      } else {
        const d = XmlDocument.fromString(xml, { option: WASM_OPTIONS[set] });
        outcome = describeDoc(d.root.content, xml.length);
        d.dispose();
      }
    } catch (e) {
      outcome = `refused: ${String(e instanceof Error ? e.message : e).split('\n')[0]!.trim()}`;
    }
    console.log(JSON.stringify({ name, outcome: outcome.slice(0, 110), ms: performance.now() - t0 }));
  }
}

function hostile(all: Engine[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-xxe-'));
  const secretFile = join(dir, 'secret.txt');
  writeFileSync(secretFile, `${MARKER}\n`);
  try {
    console.log('\n## Hostile input (each engine x option set in a child process, 20 s limit, restarted after a crash)');
    console.log(`options: libxml2-wasm hardened = NONET|NO_XXE|NO_SYS_CATALOG|BIG_LINES; libxmljs2 hardened = {nonet, big_lines};`);
    console.log(`         misconfigured = NOENT|DTDLOAD|XINCLUDE|HUGE (libxmljs2: {noent, dtdload, xinclude, huge})`);
    const runs: [Engine, OptionSet][] = [];
    for (const e of all) {
      if (e.name === 'soapcheck parseXml') runs.push([e, 'hardened']);
      else for (const s of OPTION_SETS) runs.push([e, s]);
    }
    for (const [e, set] of runs) {
      console.log(`\n${e.name} — ${e.name === 'soapcheck parseXml' ? 'its own checks + hardened options' : set}`);
      // A crash ends the child; start a new one after the case that crashed.
      const total = Object.keys(hostileCases(secretFile, set)).length;
      for (let from = 0; from < total; ) {
        const r = spawnSync(
          process.execPath,
          ['--import', 'tsx', fileURLToPath(import.meta.url), '--hostile', e.name, set, secretFile, String(from)],
          { encoding: 'utf8', timeout: 20_000, maxBuffer: 16 * 1024 * 1024 },
        );
        let pending: string | null = null;
        for (const line of r.stdout.split('\n')) {
          if (!line.startsWith('{')) continue;
          const m = JSON.parse(line) as { name: string; started?: boolean; outcome?: string; ms?: number };
          if (m.started) pending = m.name;
          else {
            pending = null;
            from++;
            console.log(`  ${m.name.padEnd(24)} ${m.ms!.toFixed(1).padStart(8)} ms  ${m.outcome}`);
          }
        }
        if (pending) {
          const why = r.error ? 'NO RESULT: still running at the 20 s limit' : r.signal ? `CRASH: process killed by ${r.signal}` : `CRASH: process exited ${r.status}`;
          console.log(`  ${pending.padEnd(24)} ${'—'.padStart(8)}     ${why}`);
          from++;
        } else if (r.status !== 0) break;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
if (argv[0] === '--memory') memoryChild(argv[1]!);
else if (argv[0] === '--hostile') hostileChild(argv[1]!, argv[2] as OptionSet, argv[3]!, Number(argv[4] ?? 0));
else {
  const all = engines();
  console.log(`# XML engines — ${new Date().toISOString()} — Node ${process.version}, ${cpus()[0]?.model ?? '?'} x${cpus().length}`);
  if (!all.some((e) => e.name === 'libxmljs2')) {
    console.log('libxmljs2 is not installed: only libxml2-wasm is measured. To compare: `npm install --no-save libxmljs2`, or see the header of bench/xml-engines.ts.');
  }
  const samples = loadXmlSamples();
  if (samples.length === 0) console.log('No corpus found (../shared or SOAPCHECK_CORPUS): speed and memory skipped.');
  else {
    speed(all, samples);
    memory(all);
  }
  hostile(all);
}
