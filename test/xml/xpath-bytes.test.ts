import { describe, expect, it } from 'vitest';
import { evaluateXPath } from '../../src/xml/xpath.ts';

describe('evaluateXPath on bytes: the declared encoding is honoured (issue 10)', () => {
  const doc = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><a><n>café</n></a>`;
  it.each([
    ['Latin-1, declared', Buffer.from(doc('ISO-8859-1'), 'latin1')],
    ['UTF-8', Buffer.from(doc('UTF-8'), 'utf8')],
    ['UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc('UTF-16'), 'utf16le')])],
  ])('%s: the value reads as written', (_name, bytes) => {
    expect(evaluateXPath(bytes, 'string(/a/n)')).toEqual({ ok: true, value: 'café' });
  });

  it('text is read as the characters it is (its declaration is not applied again)', () => {
    expect(evaluateXPath(doc('ISO-8859-1'), 'string(/a/n)')).toEqual({ ok: true, value: 'café' });
  });

  it('a DOCTYPE is refused for bytes too', () => {
    const r = evaluateXPath(Buffer.from('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'), 'string(/a)');
    expect(r.ok).toBe(false);
  });
});
