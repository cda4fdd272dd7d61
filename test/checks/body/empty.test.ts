import { ruleTester } from '../support/rule-tester.ts';
import { envelope } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('body/empty', {
  valid: [{ code: resp(OK_THING), contract: thing }],
  invalid: [
    { code: envelope(''), contract: thing, errors: [{ path: '/Envelope/Body', message: /expected t:GetThingResponse/ }] },
    { name: 'whitespace only', code: envelope('\n  \n'), contract: thing, errors: [{}] },
  ],
});
