import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/model.ts';
import { EchoState, MAX_KEYS_PER_RULE } from '../../src/mock/echo.ts';
import { MockOptionsError, startMock, type EchoRule, type MockServer } from '../../src/mock/server.ts';
import { parseXml } from '../../src/xml/index.ts';
import { buildFault } from '../../src/soap/fault.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { childElements, textContent, type XElement } from '../../src/xml/index.ts';
import { bodyElement, byOperation, env12, fixtureContracts, postSoap, readFault } from './support.ts';

let contracts: Contract[];
let mock: MockServer | undefined;

beforeAll(async () => {
  contracts = await fixtureContracts();
});
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** Text of the element at a dotted local-name path below the response's body element. */
function valueAt(xml: string, path: string): string | undefined {
  const [first, ...rest] = path.split('.');
  let el: XElement | undefined = bodyElement(xml);
  if (el.local !== first) return undefined;
  for (const seg of rest) el = el && childElements(el).find((c) => c.local === seg);
  return el ? textContent(el) : undefined;
}

/** Send the contract's request built with these values; return the response. */
async function call(op: string, values: Record<string, string> = {}) {
  const c = byOperation(contracts, op);
  return postSoap(new URL(c.endpoint, mock!.url).toString(), c.soapVersion, buildMessage(c, 'request', { values }), c.action);
}

const ECHO: EchoRule = {
  from: 'Vault/SaveSecret',
  path: 'SaveSecret.Secret',
  to: 'Vault/GetSecrets',
  into: 'GetSecretsResponse.Response.StoredSecret',
};
const ITEM = 'GetSecretsResponse.Response.StoredSecret';
const saved = {
  'SaveSecret.Kind': 'imap',
  'SaveSecret.Secret.Comment': 'round <trip> & back',
  'SaveSecret.Secret.SecretValue': 's3cr3t',
  'SaveSecret.Secret.IsActive': 'true',
};

describe('mock state: echo rules', () => {
  it('answers a read with the values of the last accepted save (round trip)', async () => {
    mock = await startMock({ contracts, echo: [ECHO] });
    const before = await call('Vault/GetSecrets');
    expect(valueAt(before.body, `${ITEM}.Comment`)).toBe('made-up'); // the contract's example

    expect((await call('Vault/SaveSecret', saved)).status).toBe(200);
    const after = await call('Vault/GetSecrets');
    expect(after.status).toBe(200);
    expect(valueAt(after.body, `${ITEM}.Comment`)).toBe('round <trip> & back');
    expect(valueAt(after.body, `${ITEM}.SecretValue`)).toBe('s3cr3t');
    expect(valueAt(after.body, `${ITEM}.IsActive`)).toBe('true');
    expect(valueAt(after.body, `${ITEM}.ValidFrom`)).toBe('2024-01-02T03:04:05Z'); // sent by the save too

    // Last write wins.
    await call('Vault/SaveSecret', { ...saved, 'SaveSecret.Secret.Comment': 'second' });
    expect(valueAt((await call('Vault/GetSecrets')).body, `${ITEM}.Comment`)).toBe('second');

    mock.resetState();
    expect(valueAt((await call('Vault/GetSecrets')).body, `${ITEM}.Comment`)).toBe('made-up');
  });

  it('does not remember a save that broke its contract', async () => {
    mock = await startMock({ contracts, echo: [ECHO] });
    const bad = await call('Vault/SaveSecret', { ...saved, 'SaveSecret.Secret.IsActive': 'maybe' });
    expect(readFault(bad.body).rules).toContain('value/lexical');
    expect(valueAt((await call('Vault/GetSecrets')).body, `${ITEM}.Comment`)).toBe('made-up');
  });

  it('keeps state per key with match, so different kinds do not see each other', async () => {
    mock = await startMock({ contracts, echo: [{ ...ECHO, match: { from: 'SaveSecret.Kind', to: 'GetSecrets.Kind' } }] });
    await call('Vault/SaveSecret', saved);
    await call('Vault/SaveSecret', { ...saved, 'SaveSecret.Kind': 'smtp', 'SaveSecret.Secret.Comment': 'for smtp' });
    expect(valueAt((await call('Vault/GetSecrets', { 'GetSecrets.Kind': 'imap' })).body, `${ITEM}.Comment`)).toBe('round <trip> & back');
    expect(valueAt((await call('Vault/GetSecrets', { 'GetSecrets.Kind': 'smtp' })).body, `${ITEM}.Comment`)).toBe('for smtp');
    expect(valueAt((await call('Vault/GetSecrets', { 'GetSecrets.Kind': 'pop3' })).body, `${ITEM}.Comment`)).toBe('made-up');
  });
});

describe('mock state: EchoState', () => {
  const doc = (xml: string) => {
    const r = parseXml(xml);
    if (!r.ok) throw new Error(r.message);
    return r.doc;
  };
  const saveDoc = (kind: string) => doc(env12(`<V:SaveSecret><V:Kind>${kind}</V:Kind><V:Secret><V:Comment>for ${kind}</V:Comment></V:Secret></V:SaveSecret>`));
  const getDoc = (kind: string) => doc(env12(`<V:GetSecrets><V:Kind>${kind}</V:Kind></V:GetSecrets>`));

  it('keeps at most MAX_KEYS_PER_RULE keys, forgetting the least recently saved', () => {
    const state = new EchoState([{ ...ECHO, match: { from: 'SaveSecret.Kind', to: 'GetSecrets.Kind' } }]);
    const save = byOperation(contracts, 'Vault/SaveSecret');
    const get = byOperation(contracts, 'Vault/GetSecrets');
    // Full: k0 … k(MAX-1). k0 saved again before it could be forgotten: now the most recent, so the next new
    // key forgets k1, the least recently saved (a state that forgot by first insertion would forget k0).
    for (let i = 0; i < MAX_KEYS_PER_RULE; i++) state.record(save, saveDoc(`k${i}`));
    expect(state.valuesFor(get, getDoc('k0'))).toEqual({ [`${ITEM}.Comment`]: 'for k0' });
    state.record(save, saveDoc('k0'));
    state.record(save, saveDoc(`k${MAX_KEYS_PER_RULE}`));
    expect(state.valuesFor(get, getDoc('k1'))).toEqual({});
    expect(state.valuesFor(get, getDoc('k2'))).toEqual({ [`${ITEM}.Comment`]: 'for k2' });
    expect(state.valuesFor(get, getDoc('k0'))).toEqual({ [`${ITEM}.Comment`]: 'for k0' });
    expect(state.valuesFor(get, getDoc(`k${MAX_KEYS_PER_RULE}`))).toEqual({ [`${ITEM}.Comment`]: `for k${MAX_KEYS_PER_RULE}` });
  });

  it('holds at most maxBytes in total over all keys, forgetting the least recently saved (issue 10)', () => {
    const maxBytes = 64 * 1024;
    const state = new EchoState([{ ...ECHO, match: { from: 'SaveSecret.Kind', to: 'GetSecrets.Kind' } }], { maxBytes });
    const save = byOperation(contracts, 'Vault/SaveSecret');
    const get = byOperation(contracts, 'Vault/GetSecrets');
    const big = (kind: string) => doc(env12(`<V:SaveSecret><V:Kind>${kind}</V:Kind><V:Secret><V:Comment>${'x'.repeat(10_000)}</V:Comment></V:Secret></V:SaveSecret>`));
    // 100 saves of ~20 KB each: far fewer keys than MAX_KEYS_PER_RULE, far more bytes than maxBytes.
    for (let i = 0; i < 100; i++) {
      state.record(save, big(`b${i}`));
      expect(state.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(state.valuesFor(get, getDoc('b0'))).toEqual({});
    expect(state.valuesFor(get, getDoc('b99'))[`${ITEM}.Comment`]).toHaveLength(10_000);
    // A value larger than the whole state is not remembered and evicts nothing.
    state.record(save, doc(env12(`<V:SaveSecret><V:Kind>huge</V:Kind><V:Secret><V:Comment>${'y'.repeat(40_000)}</V:Comment></V:Secret></V:SaveSecret>`)));
    expect(state.valuesFor(get, getDoc('huge'))).toEqual({});
    expect(state.valuesFor(get, getDoc('b99'))).not.toEqual({});
    state.clear();
    expect(state.bytes).toBe(0);
  });
});

describe('mock state: response overrides', () => {
  it('echoed values win over override values for the same field', async () => {
    mock = await startMock({ contracts, echo: [ECHO], responses: [{ operation: 'Vault/GetSecrets', values: { [`${ITEM}.Comment`]: 'override' } }] });
    expect(valueAt((await call('Vault/GetSecrets')).body, `${ITEM}.Comment`)).toBe('override');
    await call('Vault/SaveSecret', saved);
    const r = await call('Vault/GetSecrets');
    expect(valueAt(r.body, `${ITEM}.Comment`)).toBe('round <trip> & back');
  });

  it('sets response values by dotted path; a Version/Service/Operation override wins over Service/Operation', async () => {
    mock = await startMock({
      contracts,
      responses: [
        { operation: 'Clock/GetTime', values: { 'GetTimeResponse.Zone': 'generic' } },
        { operation: 'Demo9/Clock/GetTime', values: { 'GetTimeResponse.Zone': 'CET', 'GetTimeResponse.Now': '2030-01-01T00:00:00Z' } },
      ],
    });
    const r = await call('Clock/GetTime');
    expect(r.status).toBe(200);
    expect(valueAt(r.body, 'GetTimeResponse.Zone')).toBe('CET');
    expect(valueAt(r.body, 'GetTimeResponse.Now')).toBe('2030-01-01T00:00:00Z');
  });

  it('sends a raw body with the given status (e.g. a service fault)', async () => {
    const fault = buildFault({ version: '1.1', code: 'receiver', reason: 'Clock is broken' });
    mock = await startMock({ contracts, responses: [{ operation: 'Clock/SetTime', body: fault, status: 500 }] });
    const r = await call('Clock/SetTime');
    expect(r.status).toBe(500);
    expect(readFault(r.body)).toMatchObject({ code: 'Server', reason: 'Clock is broken' });
    // Other operations are untouched.
    expect((await call('Clock/GetTime')).status).toBe(200);
  });

  it('still checks requests before using an override', async () => {
    mock = await startMock({ contracts, responses: [{ operation: 'Clock/SetTime', status: 202 }] });
    const bad = await call('Clock/SetTime', { 'SetTime.Now': 'yesterday' });
    expect(readFault(bad.body).rules).toContain('value/lexical');
    expect((await call('Clock/SetTime')).status).toBe(202);
  });
});

describe('mock options are validated when the mock starts', () => {
  it.each([
    { name: 'no contracts', opts: { contracts: [] }, message: /at least one contract/ },
    { name: 'unknown override operation', opts: { responses: [{ operation: 'Clock/Stop' }] }, message: /responses\[0\]\.operation: no served operation is Clock\/Stop/ },
    { name: 'override value for no field', opts: { responses: [{ operation: 'Clock/GetTime', values: { 'GetTimeResponse.Nope': 'x' } }] }, message: /GetTimeResponse has no child field named Nope/ },
    { name: 'override status out of range', opts: { responses: [{ operation: 'Clock/GetTime', status: 99 }] }, message: /status must be an HTTP status/ },
    { name: 'echo from an unknown operation', opts: { echo: [{ ...ECHO, from: 'Vault/Nope' }] }, message: /echo\[0\]\.from: no served operation is Vault\/Nope/ },
    { name: 'echo path not in the request', opts: { echo: [{ ...ECHO, path: 'SaveSecret.Secrets' }] }, message: /echo\[0\]\.path .*SaveSecret has no child field named Secrets/ },
    { name: 'echo into a path not in the response', opts: { echo: [{ ...ECHO, into: 'GetSecretsResponse.Result' }] }, message: /echo\[0\]\.into/ },
    { name: 'echo entry not a mapping', opts: { echo: ['nope' as unknown as EchoRule] }, message: /echo\[0\] must be a mapping/ },
    { name: 'port out of range', opts: { port: 70000 }, message: /port must be an integer/ },
  ])('$name', async ({ opts, message }) => {
    await expect(startMock({ contracts, ...opts })).rejects.toThrow(MockOptionsError);
    await expect(startMock({ contracts, ...opts })).rejects.toThrow(message);
  });
});
