import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/model.ts';
import { matchesOperation } from '../../src/mock/operations.ts';
import { contentTypeAction, normalizeEndpoint, requestAction, RouteTable, versionOfContentType } from '../../src/mock/routes.ts';

/** Only the fields routing reads. */
const op = (endpoint: string, action: string, operation = action): Contract =>
  ({ endpoint, action, operation, service: 'User', version: 'Services88' }) as unknown as Contract;

describe('requestAction', () => {
  it.each([
    [{ soapaction: '"urn:a"' }, 'urn:a'],
    [{ soapaction: 'urn:a' }, 'urn:a'],
    [{ soapaction: '  "urn:a"  ' }, 'urn:a'],
    [{ soapaction: '""' }, undefined],
    [{ soapaction: '""', 'content-type': 'application/soap+xml; action="urn:b"' }, 'urn:b'],
    [{ 'content-type': 'application/soap+xml; charset=utf-8; action="urn:b"' }, 'urn:b'],
    [{ 'content-type': 'application/soap+xml;action=urn:b;charset=utf-8' }, 'urn:b'],
    [{ 'content-type': 'application/soap+xml; ACTION="urn:b"' }, 'urn:b'],
    [{ 'content-type': 'application/soap+xml; charset=utf-8' }, undefined],
    [{ 'content-type': 'text/xml' }, undefined],
    [{}, undefined],
  ] as const)('%j → %s', (headers, expected) => {
    expect(requestAction(headers)).toBe(expected);
  });

  it('does not take a parameter that merely ends in "action"', () => {
    expect(contentTypeAction('application/soap+xml; myaction="urn:x"')).toBeUndefined();
  });
});

describe('versionOfContentType', () => {
  it.each([
    ['text/xml; charset=utf-8', '1.1'],
    ['Application/SOAP+XML; action="x"', '1.2'],
    ['application/xml', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (ct, v) => expect(versionOfContentType(ct)).toBe(v));
});

describe('RouteTable', () => {
  const table = new RouteTable([
    op('Remote/Services88/User.svc', 'urn:user:a'),
    op('/Remote/Services88/User.svc/', 'urn:user:b'),
    op('Services88/User.svc', 'urn:short'),
    op('Remote/Services86/User.svc', 'urn:old'),
  ]);

  it('groups contracts by normalized endpoint and by action', () => {
    expect(normalizeEndpoint('/./Remote//Services88/User.svc/')).toBe('Remote/Services88/User.svc');
    const r = table.match('/Remote/Services88/User.svc')!;
    expect(r.contracts.map((c) => c.action)).toEqual(['urn:user:a', 'urn:user:b']);
    expect([...r.byAction.keys()]).toEqual(['urn:user:a', 'urn:user:b']);
  });

  it.each([
    ['/Remote/Services88/User.svc', 'Remote/Services88/User.svc'],
    ['/Cust12345/Remote/Services88/User.svc', 'Remote/Services88/User.svc'],
    ['/Cust12345/Remote/Services88/User.svc/', 'Remote/Services88/User.svc'],
    ['/remote/services88/user.svc', 'Remote/Services88/User.svc'],
    ['/Remote/Services88/User%2Esvc', 'Remote/Services88/User.svc'],
    ['/Other/Services88/User.svc', 'Services88/User.svc'],
    ['/Remote/Services86/User.svc', 'Remote/Services86/User.svc'],
    ['/xServices88/User.svc', undefined],
    ['/Remote/Services88/User.svc/extra', undefined],
    ['/', undefined],
    ['/%E0%A4%A', undefined],
  ])('%s → %s (longest suffix on whole segments)', (path, endpoint) => {
    expect(table.match(path)?.endpoint).toBe(endpoint);
  });
});

describe('matchesOperation', () => {
  const c = op('x', 'y', 'GetUser');
  it.each([
    ['User/GetUser', true],
    ['Services88/User/GetUser', true],
    ['Services86/User/GetUser', false],
    ['User/SaveUser', false],
    ['GetUser', false],
    ['a/b/c/d', false],
  ])('%s → %s', (ref, want) => expect(matchesOperation(ref, c)).toBe(want));
});
