import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/model.ts';
import { checkFieldPath, elementAtPath, leafValues } from '../../src/mock/paths.ts';
import { parseXml, type XDocument } from '../../src/xml/index.ts';
import { byOperation, env12, fixtureContracts, NS, VAULT_HEADERS } from './support.ts';

function doc(xml: string): XDocument {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.message);
  return r.doc;
}

const save = env12(
  `<V:SaveSecret><V:Kind>imap</V:Kind><V:Secret><V:Comment>c</V:Comment><V:SecretValue xsi:nil="true"/><V:IsActive>true</V:IsActive></V:Secret></V:SaveSecret>`,
  VAULT_HEADERS,
);

describe('elementAtPath', () => {
  it('starts at the body element, or a header block inside Header or directly under Envelope', () => {
    expect(elementAtPath(doc(save), 'SaveSecret.Secret.Comment')?.local).toBe('Comment');
    expect(elementAtPath(doc(save), 'Credentials.Ticket')?.local).toBe('Ticket');
    const quirk = `<e:Envelope xmlns:e="${NS.s12}" xmlns:V="${NS.vault}">${VAULT_HEADERS}<e:Body><V:GetSecrets/></e:Body></e:Envelope>`;
    expect(elementAtPath(doc(quirk), 'Credentials.Ticket')?.local).toBe('Ticket');
    expect(elementAtPath(doc(save), 'SaveSecret.Nope')).toBeUndefined();
    expect(elementAtPath(doc(save), 'Nope')).toBeUndefined();
  });
});

describe('leafValues', () => {
  it('keys simple values by path relative to the element, skipping nil ones', () => {
    expect(Object.fromEntries(leafValues(elementAtPath(doc(save), 'SaveSecret')!))).toEqual({
      Kind: 'imap',
      'Secret.Comment': 'c',
      'Secret.IsActive': 'true',
    });
  });

  it('gives a simple element its own value under the empty key', () => {
    expect(Object.fromEntries(leafValues(elementAtPath(doc(save), 'SaveSecret.Kind')!))).toEqual({ '': 'imap' });
  });

  it('takes the first of repeated elements only', () => {
    const d = doc(env12('<V:List><V:Item><V:A>1</V:A></V:Item><V:Item><V:A>2</V:A><V:B>3</V:B></V:Item></V:List>'));
    expect(Object.fromEntries(leafValues(elementAtPath(d, 'List')!))).toEqual({ 'Item.A': '1' });
  });
});

describe('checkFieldPath', () => {
  let contracts: Contract[];
  beforeAll(async () => {
    contracts = await fixtureContracts();
  });

  it('accepts paths through inline fields and named types', () => {
    const c = byOperation(contracts, 'Vault/SaveSecret');
    expect(checkFieldPath(c, 'request', 'SaveSecret.Secret.SecretValue')).toBeNull();
    expect(checkFieldPath(c, 'request', 'Credentials.Ticket')).toBeNull();
    expect(checkFieldPath(byOperation(contracts, 'Vault/GetSecrets'), 'response', 'GetSecretsResponse.Response.StoredSecret.IsActive')).toBeNull();
  });

  it.each([
    ['SaveSecret.Secret.Nope', /Secret has no child field named Nope/],
    ['Nope.Secret', /no body element or header block named Nope \(it has SaveSecret, ApplicationToken, Credentials\)/],
    ['SaveSecret..Secret', /not a dotted path/],
    ['SaveSecret.Kind.Deeper', /SaveSecret\.Kind has no child field named Deeper/],
  ])('%s → %s', (path, message) => {
    expect(checkFieldPath(byOperation(contracts, 'Vault/SaveSecret'), 'request', path)).toMatch(message);
  });
});
