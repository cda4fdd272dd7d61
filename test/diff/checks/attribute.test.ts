import { diffTester } from '../support/diff-tester.ts';
import type { AttributeDoc } from '../../../src/contract/model.ts';
import { NS2, f, op } from '../support/fixtures.ts';

const lang = { name: 'lang', type: 'xsd:string' };
const req = { name: 'lang', type: 'xsd:string', use: 'required' as const };
const typed = (dir: 'request' | 'response', attributes: AttributeDoc[], ns?: string) => op({ ns, [dir]: [f('t:T', 't:Thing')], types: { 't:Thing': { fields: [f('t:Id', 'xsd:int')], attributes } } });
const inline = (dir: 'request' | 'response', attributes: AttributeDoc[]) => op({ [dir]: [f('t:Box', undefined, { fields: [f('t:Id', 'xsd:int')], attributes })] });

diffTester('request-attribute/added-required', {
  valid: [
    { old: typed('request', []), new: typed('request', [lang]) },
    { name: 'unchanged across a namespace move', old: typed('request', [req]), new: typed('request', [req], NS2) },
    { name: 'in the response', old: typed('response', []), new: typed('response', [req]) },
  ],
  invalid: [
    { old: typed('request', []), new: typed('request', [req]), changes: [{ type: 't:Thing', path: 'request Thing/@lang', message: 'new required attribute lang' }] },
    { name: 'on inline content', old: inline('request', []), new: inline('request', [req]), changes: [{ path: 'request /SaveThing/Box/@lang', message: 'new required attribute lang' }] },
  ],
});
diffTester('request-attribute/added-optional', {
  valid: [{ old: typed('request', []), new: typed('request', [req]) }],
  invalid: [{ old: typed('request', []), new: typed('request', [lang]), changes: [{ message: 'new optional attribute lang' }] }],
});
diffTester('request-attribute/removed', {
  valid: [{ old: typed('request', [lang]), new: typed('request', [lang]) }],
  invalid: [{ old: inline('request', [lang]), new: inline('request', []), changes: [{ path: 'request /SaveThing/Box/@lang', message: 'attribute lang removed' }] }],
});
diffTester('response-attribute/added', {
  valid: [{ old: typed('request', []), new: typed('request', [lang]) }],
  invalid: [{ old: typed('response', []), new: typed('response', [req]), changes: [{ message: 'new required attribute lang' }] }],
});
diffTester('response-attribute/removed', {
  valid: [{ old: typed('response', []), new: typed('response', [lang]) }],
  invalid: [{ old: typed('response', [lang]), new: typed('response', []), changes: [{ type: 't:Thing', message: 'attribute lang removed' }] }],
});
