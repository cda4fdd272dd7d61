import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('envelope/not-xml', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'a DOCTYPE is envelope/forbidden, not this rule', code: '<!DOCTYPE x []><x/>', contract: thing, reportedBy: ['envelope/forbidden'] },
  ],
  invalid: [
    { name: 'HTML error page', code: '<html><body>502 Bad Gateway</body></html>', contract: thing, errors: [{ path: '/', line: 1, message: /HTML/ }] },
    { name: 'JSON', code: '{"error":"x"}', contract: thing, errors: [{ message: /JSON/ }] },
    { name: 'empty', code: '', contract: thing, errors: [{ message: /empty/ }] },
    { name: 'unclosed tag, with position', code: '<a>\n<b>\n</a>', contract: thing, errors: [{ line: 3, message: /not well-formed/ }] },
  ],
});
