import { describe, expect, it } from 'vitest';
import { selectOperation } from '../../src/contract/select.ts';
import { f, makeContract, NS, NS_OLD } from './support/contract.ts';

const get = makeContract({ operation: 'GetThing' });
const find = makeContract({ operation: 'FindThing' });
const getOld = makeContract({ operation: 'GetThing', request: { body: f('old:GetThing', { fields: [] }) }, action: `${NS_OLD}/Thing/GetThing`, endpoint: 'Remote/Services0/Thing.svc' });
// Same body element, told apart by action and endpoint.
const getV2 = makeContract({ operation: 'GetThing', action: 'urn:v2/GetThing', endpoint: 'Remote/V2/Thing.svc' });
const all = [get, find, getOld];

describe('selectOperation', () => {
  it('by body element expanded name (namespace URI matters)', () => {
    expect(selectOperation(all, { bodyName: { ns: NS, local: 'GetThing' } })).toEqual({ contract: get });
    expect(selectOperation(all, { bodyName: { ns: NS_OLD, local: 'GetThing' } })).toEqual({ contract: getOld });
    expect(selectOperation(all, { bodyName: { ns: NS, local: 'FindThingResponse' } })).toEqual({ contract: find });
  });
  it('direction restricts which side is matched', () => {
    expect(selectOperation(all, { bodyName: { ns: NS, local: 'FindThingResponse' }, direction: 'request' }).none).toMatch(/FindThingResponse/);
  });
  it('none, with the reason', () => {
    expect(selectOperation(all, { bodyName: { ns: 'urn:x', local: 'Nope' } })).toEqual({ none: 'no contract has body element {urn:x}Nope' });
    expect(selectOperation([], { bodyName: { ns: NS, local: 'GetThing' } }).none).toBe('no contracts loaded');
  });
  it('ambiguous body element, narrowed by action, then by path', () => {
    expect(selectOperation([get, getV2], { bodyName: { ns: NS, local: 'GetThing' } }).ambiguous).toEqual([get, getV2]);
    expect(selectOperation([get, getV2], { bodyName: { ns: NS, local: 'GetThing' }, action: 'urn:v2/GetThing' })).toEqual({ contract: getV2 });
    expect(selectOperation([get, getV2], { bodyName: { ns: NS, local: 'GetThing' }, path: '/base/Remote/V2/Thing.svc?x=1' })).toEqual({ contract: getV2 });
  });
  it('a wrong action does not lose a body match (http/action reports it)', () => {
    expect(selectOperation(all, { bodyName: { ns: NS, local: 'GetThing' }, action: 'urn:wrong' })).toEqual({ contract: get });
  });
  it('an unknown body element still routes by a unique action', () => {
    expect(selectOperation(all, { bodyName: { ns: NS, local: 'Garbage' }, action: find.action })).toEqual({ contract: find });
  });
  it('by action or path alone', () => {
    expect(selectOperation(all, { action: getOld.action })).toEqual({ contract: getOld });
    expect(selectOperation(all, { action: 'urn:none' }).none).toMatch(/urn:none/);
    expect(selectOperation([get, getOld], { path: '/Remote/Services0/Thing.svc' })).toEqual({ contract: getOld });
    expect(selectOperation(all, {}).none).toMatch(/nothing to select by/);
  });
});
