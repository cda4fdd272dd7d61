import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/secrets/redact.ts';
import { PreparedContracts } from '../../src/run/prepared.ts';
import { envelope, f, makeContract } from '../checks/support/contract.ts';

const contract = makeContract({
  request: { body: f('t:GetThing', { fields: [f('t:Id', { type: 'xsd:int' }), f('t:Pin', { type: 'xsd:string', secret: true })] }) },
  response: { body: f('t:GetThingResponse', { fields: [f('t:Name', { type: 'xsd:string' })] }) },
});

describe('prepared contracts (one per run and contract)', () => {
  it('made once per contract; the secret field names are registered with the run redactor when it is made', () => {
    const redactor = new Redactor();
    const set = new PreparedContracts(redactor);
    expect(redactor.isSecretName('Pin')).toBe(false);
    const p = set.of(contract);
    expect(set.of(contract)).toBe(p);
    expect(redactor.isSecretName('Pin')).toBe(true);
    expect(Object.isFrozen(p.headers)).toBe(true);
    expect(p.headers['soapaction']).toBe(`"${contract.action}"`);
  });

  it('a response redacted before is reused only while the redactor has learnt no new secret', () => {
    const redactor = new Redactor();
    const p = new PreparedContracts(redactor).of(contract);
    const body = envelope('<t:GetThingResponse><t:Name>hunter2</t:Name></t:GetThingResponse>');
    const first = p.redactedResponse(body);
    expect(first).toContain('hunter2');
    expect(p.redactedResponse(body)).toBe(first);
    redactor.addSecret('hunter2');
    expect(p.redactedResponse(body)).not.toContain('hunter2');
  });

  it('a request record is reused for the same text, and made anew when a value given for a secret field is new', () => {
    const redactor = new Redactor();
    const p = new PreparedContracts(redactor).of(contract);
    const values = { 'GetThing.Id': '1', 'GetThing.Pin': 'pin-one' };
    const body = p.requestBody(values);
    expect(p.requestBody({ ...values })).toBe(body);
    const record = p.requestRecord('http://127.0.0.1/x', p.headers, body);
    expect(p.requestRecord('http://127.0.0.1/x', p.headers, body)).toBe(record);
    p.registerSecretValues({ 'GetThing.Pin': 'pin-two' });
    const again = p.requestRecord('http://127.0.0.1/x', p.headers, body);
    expect(again).not.toBe(record);
    expect(again.body).not.toContain('pin-one');
  });
});
