/** checkMessage never throws: seeded random mutations of valid messages (bounded count and time). */
import { describe, expect, it } from 'vitest';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { thing, req, resp, OK_THING } from './support/fixtures.ts';

function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const PIECES = ['<', '>', '</t:Id>', '<t:Name>', 'xsi:nil="true"', 'xsi:type="q:x"', '&amp;', '&x;', '<![CDATA[x]]>', '<?pi x?>', '<!-- c -->', 'xmlns:t="urn:other"', '"', '\u0000', '\uFFFF'];

function mutate(s: string, r: () => number): string {
  const i = Math.floor(r() * s.length);
  const j = Math.min(s.length, i + Math.floor(r() * 40));
  switch (Math.floor(r() * 4)) {
    case 0: return s.slice(0, i) + s.slice(j);
    case 1: return s.slice(0, i) + s.slice(i, j) + s.slice(i);
    case 2: return s.slice(0, i) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(i);
    default: return s.slice(0, i) + s.slice(j) + s.slice(i, j);
  }
}

describe('robustness', () => {
  it('400 mutated messages: findings, never an exception', () => {
    const plan = compileContract(thing);
    const r = rng(20261122);
    const seeds: Array<['request' | 'response', string]> = [
      ['response', resp(`${OK_THING}<t:Kind>Static</t:Kind><t:Tags>a</t:Tags><t:Parent><t:Id>2</t:Id><t:Name>p</t:Name></t:Parent>`)],
      ['request', req('<t:Ticket>x</t:Ticket>')],
    ];
    const t0 = performance.now();
    let withFindings = 0;
    for (let n = 0; n < 400; n++) {
      const [direction, base] = seeds[n % 2]!;
      let body = base;
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) body = mutate(body, r);
      const out = checkMessage(plan, { direction, body, http: { status: 200, headers: { 'content-type': 'text/xml' } } }, { profile: n % 3 === 0 ? 'compatible' : 'strict' });
      for (const f of out.findings) {
        expect(typeof f.rule).toBe('string');
        expect(typeof f.path).toBe('string');
      }
      if (out.findings.length) withFindings++;
    }
    expect(withFindings).toBeGreaterThan(200);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
