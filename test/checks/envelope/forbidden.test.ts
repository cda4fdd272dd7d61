import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('envelope/forbidden', {
  valid: [{ code: resp(OK_THING), contract: thing }],
  invalid: [
    { name: 'DOCTYPE', code: '<?xml version="1.0"?>\n<!DOCTYPE Envelope [<!ENTITY a "b">]>\n<Envelope/>', contract: thing, errors: [{ path: '/', line: 2, message: /DOCTYPE/ }] },
    {
      name: 'processing instruction inside the envelope',
      code: resp(OK_THING).replace('<t:Id>', '\n<?php echo 1 ?>\n<t:Id>'),
      contract: thing,
      errors: [{ line: 4, message: /php/ }],
    },
    // No DTD declares it, so the engine cannot expand it: still a forbidden entity reference, not "not XML" (issue 10).
    { name: 'an undeclared entity reference in text', code: resp(OK_THING.replace('>n<', '>&foo;<')), contract: thing, errors: [{ message: /entity reference &foo; is not allowed/ }] },
    { name: 'an undeclared entity reference in an attribute', code: resp(OK_THING.replace('<t:Name>', '<t:Name a="&hasOwnProperty;">')), contract: thing, errors: [{ message: /entity reference &hasOwnProperty; is not allowed/ }] },
  ],
});
