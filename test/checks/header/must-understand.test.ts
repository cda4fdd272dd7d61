import { ruleTester } from '../support/rule-tester.ts';
import { thing, req } from '../support/fixtures.ts';

ruleTester('header/must-understand', {
  valid: [
    { code: req('<t:Ticket soap:mustUnderstand="1">x</t:Ticket>'), contract: thing, direction: 'request' },
    { name: 'unknown block without mustUnderstand is allowed', code: req('<t:Ticket>x</t:Ticket><w:To xmlns:w="urn:wsa">u</w:To>'), contract: thing, direction: 'request' },
    { name: 'unknown block with mustUnderstand="0"', code: req('<t:Ticket>x</t:Ticket><w:To xmlns:w="urn:wsa" soap:mustUnderstand="0">u</w:To>'), contract: thing, direction: 'request' },
  ],
  invalid: [
    { name: 'unknown block that must be understood', code: req('<t:Ticket>x</t:Ticket><w:Sec xmlns:w="urn:wss" soap:mustUnderstand="1"/>'), contract: thing, direction: 'request', errors: [{ path: '/Envelope/Header/Sec' }] },
    { name: '1.1 allows only 0 or 1', code: req('<t:Ticket soap:mustUnderstand="true">x</t:Ticket>'), contract: thing, direction: 'request', errors: [{ message: /not valid/ }] },
  ],
});
