import { describe, expect, it } from 'vitest';
import { MASK, MIN_SECRET_LENGTH, Redactor } from '../../src/secrets/redact.ts';

const SECRET = 'tk-7f3a&9<Z> "q" é';

describe('Redactor.addSecret / redact: known values in every form', () => {
  const r = new Redactor();
  r.addSecret(SECRET);

  it.each([
    ['raw', `ticket ${SECRET} end`],
    ['XML text-escaped', `<T>${SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</T>`],
    ['XML attribute-escaped', `<T v="${SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"/>`],
    ['numeric character references', `<T>${SECRET.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</T>`],
    ['URL-encoded', `https://h/x?t=${encodeURIComponent(SECRET)}`],
    ['URL-encoded, lower-case hex', `https://h/x?t=${encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`],
    ['form-encoded (+ for spaces)', `t=${encodeURIComponent(SECRET).replace(/%20/g, '+')}`],
    ['JSON-escaped', JSON.stringify({ t: SECRET })],
  ])('%s form is masked', (_form, text) => {
    const out = r.redact(text);
    expect(out).toContain(MASK);
    expect(out).not.toContain('7f3a');
  });

  it('masks every occurrence and leaves the rest of the text as it was', () => {
    expect(r.redact(`a ${SECRET} b ${SECRET} c`)).toBe(`a ${MASK} b ${MASK} c`);
  });

  it('masks the longest value first, so a secret containing another leaves no tail', () => {
    const r2 = new Redactor({ secrets: ['abcd', 'abcdefgh-long'] });
    expect(r2.redact('x abcdefgh-long y abcd z')).toBe(`x ${MASK} y ${MASK} z`);
  });

  it('treats regular-expression characters in values literally', () => {
    const r2 = new Redactor({ secrets: ['a.b*c+(d)'] });
    expect(r2.redact('aXbbbc+(d) a.b*c+(d)')).toBe(`aXbbbc+(d) ${MASK}`);
  });

  it('masks a value registered with surrounding whitespace in its trimmed form too', () => {
    const r2 = new Redactor({ secrets: ['  s3cret-val\n'] });
    expect(r2.redact('<T>s3cret-val</T>')).toBe(`<T>${MASK}</T>`);
  });
});

describe('Redactor.addSecret: no false positives from short or empty values', () => {
  it.each([[''], ['   '], ['1'], ['no'], ['abc'], [undefined], [null]])('ignores %j', (value) => {
    const r = new Redactor();
    expect(r.addSecret(value as string)).toBe(false);
    expect(r.secretCount).toBe(0);
    expect(r.redact('abc no 1 true false')).toBe('abc no 1 true false');
  });

  it(`registers values of ${MIN_SECRET_LENGTH} characters and more`, () => {
    const r = new Redactor();
    expect(r.addSecret('abcd')).toBe(true);
    expect(r.redact('xx abcd yy')).toBe(`xx ${MASK} yy`);
  });

  it('leaves text without secrets untouched (same string)', () => {
    const r = new Redactor({ secrets: ['zzzz-secret'] });
    const text = '<a>nothing to see</a>';
    expect(r.redact(text)).toBe(text);
  });
});

describe('Redactor.redactXml: secret elements, even with unknown values', () => {
  const r = new Redactor();
  it.each([
    ['Ticket with a prefix', '<h><u:Ticket>7T:abc</u:Ticket></h>', `<h><u:Ticket>${MASK}</u:Ticket></h>`],
    ['ApplicationToken, default namespace', '<ApplicationToken xmlns="urn:x">tok</ApplicationToken>', `<ApplicationToken xmlns="urn:x">${MASK}</ApplicationToken>`],
    ['SecretValue sent back by a server', '<r><SecretValue>from-server</SecretValue><Other>ok</Other></r>', `<r><SecretValue>${MASK}</SecretValue><Other>ok</Other></r>`],
    ['Password with attributes (one containing >)', '<p:Password a="1>2" b=\'x\'>pw</p:Password>', `<p:Password a="1>2" b='x'>${MASK}</p:Password>`],
    ['nested children are masked whole', '<Password><a>1</a><b>2</b></Password>', `<Password>${MASK}</Password>`],
    ['CDATA content', '<Ticket><![CDATA[t<&>]]></Ticket>', `<Ticket>${MASK}</Ticket>`],
    ['several secret elements', '<Ticket>a</Ticket><x/><Ticket>b</Ticket>', `<Ticket>${MASK}</Ticket><x/><Ticket>${MASK}</Ticket>`],
    ['secret attribute', '<Login Password="pw1" User="bob"/>', `<Login Password="${MASK}" User="bob"/>`],
    ['a body cut off inside a secret element', '<a><Ticket>7T:abcdef', `<a><Ticket>${MASK}`],
    ['matching ignores case of the name', '<password>pw</password>', `<password>${MASK}</password>`],
    // Start tags with no secret name in them are passed over: a name met earlier in text or in another tag must not hide a later one.
    ['a secret name in text before a secret element', '<Note>ticket</Note><a x="token"/><Ticket>t-5</Ticket>', `<Note>ticket</Note><a x="token"/><Ticket>${MASK}</Ticket>`],
    ['a secret name in an ordinary tag before a secret attribute', '<TicketPriorityId/><b PASSWORD="pw2"/>', `<TicketPriorityId/><b PASSWORD="${MASK}"/>`],
    ['a secret attribute after an end tag and a secret element', '<Ticket>t</Ticket></x><y Token=\'k\'>', `<Ticket>${MASK}</Ticket></x><y Token='${MASK}'>`],
  ])('%s', (_name, input, expected) => {
    expect(r.redactXml(input)).toBe(expected);
  });

  it.each([
    ['names that only start like a secret', '<TicketPriorityId>3</TicketPriorityId><SetPasswordResponse>true</SetPasswordResponse>'],
    ['self-closing and empty secret elements stay (nothing to hide)', '<Ticket/><Ticket xsi:nil="true"/><Ticket></Ticket>'],
    ['Key and other ordinary names', '<Key>Name</Key><Value>x</Value>'],
    ['text that mentions a secret name', '<Note>the Ticket element is required</Note>'],
  ])('no false positive: %s', (_name, input) => {
    expect(r.redactXml(input)).toBe(input);
  });

  it.each([
    ['a secret element inside a comment', '<!-- <Ticket>t-1</Ticket> --><a/>', `<!-- <Ticket>${MASK}</Ticket> --><a/>`],
    ['a secret element inside CDATA', '<x><![CDATA[<Password>pw</Password>]]></x>', `<x><![CDATA[<Password>${MASK}</Password>]]></x>`],
    ['after an unterminated attribute quote', '<a b="x><Ticket>t-2</Ticket>', `<a b="x><Ticket>${MASK}</Ticket>`],
    ['after a stray <', '< <<Ticket>t-3</Ticket>', `< <<Ticket>${MASK}</Ticket>`],
    ['truncated inside the start tag of a later element', '<Ticket>t-4</Ticket><Other a="', `<Ticket>${MASK}</Ticket><Other a="`],
  ])('malformed XML: %s', (_name, input, expected) => {
    expect(r.redactXml(input)).toBe(expected);
  });

  it('stays linear on hostile bodies (would time out with a backtracking pattern)', () => {
    const n = 100_000;
    const openTags = '<Ticket>'.repeat(n) + 'tail';
    expect(r.redactXml(openTags)).toBe(`<Ticket>${MASK}`);
    const quotes = '<Ticket a="'.repeat(n);
    expect(r.redactXml(quotes)).toBe(quotes);
    const attrs = `<a ${'Password=x '.repeat(n)}>`;
    expect(r.redactXml(attrs)).toBe(attrs);
    const many = '<Ticket>s</Ticket>'.repeat(n);
    expect(r.redactXml(many)).toBe(`<Ticket>${MASK}</Ticket>`.repeat(n));
  });

  it('masks fields marked secret, given per call or registered', () => {
    expect(r.redactXml('<Pin>1234</Pin>', ['Pin'])).toBe(`<Pin>${MASK}</Pin>`);
    expect(r.redactXml('<Pin>1234</Pin>')).toBe('<Pin>1234</Pin>');
    const r2 = new Redactor({ secretNames: ['Pin'] });
    expect(r2.redactXml('<ns:Pin>1234</ns:Pin>')).toBe(`<ns:Pin>${MASK}</ns:Pin>`);
  });

  it('also masks registered values elsewhere in the body', () => {
    const r2 = new Redactor({ secrets: ['known-ticket-1'] });
    expect(r2.redactXml('<Fault><faultstring>bad ticket known-ticket-1</faultstring></Fault>')).toBe(
      `<Fault><faultstring>bad ticket ${MASK}</faultstring></Fault>`,
    );
  });

  it('keeps a large body byte-for-byte outside the secret parts', () => {
    const filler = '<Item>x</Item>'.repeat(5000);
    const body = `<r>${filler}<Ticket>t-1</Ticket>${filler}</r>`;
    expect(r.redactXml(body)).toBe(`<r>${filler}<Ticket>${MASK}</Ticket>${filler}</r>`);
  });
});

describe('Redactor.redactHeaders', () => {
  const r = new Redactor({ secrets: ['known-secret-1'] });
  it.each([
    ['Authorization', 'Basic dXNlcjpwdw==', `Basic ${MASK}`],
    ['authorization', 'Bearer eyJhbGci', `Bearer ${MASK}`],
    ['Proxy-Authorization', 'xyz', MASK],
    ['Cookie', 'session=abc; other=1', MASK],
    ['set-cookie', 'session=abc; HttpOnly', MASK],
    ['X-Api-Token', 'abc', MASK],
    ['X-Auth-Ticket', 'abc', MASK],
    ['x-api-key', 'abc', MASK],
    ['X-Secret', 'abc', MASK],
  ])('%s is masked', (name, value, expected) => {
    expect(r.redactHeaders({ [name]: value })[name]).toBe(expected);
  });

  it.each([
    ['content-type', 'text/xml; charset=utf-8'],
    ['SOAPAction', '"http://tempuri.org/GetUser"'],
    ['WWW-Authenticate', 'Basic realm="x"'],
    ['Authentication-Info', 'nextnonce="abc"'],
    ['x-request-id', 'abc-123'],
  ])('%s stays readable', (name, value) => {
    expect(r.redactHeaders({ [name]: value })[name]).toBe(value);
  });

  it('redacts registered values inside ordinary headers and keeps arrays', () => {
    const out = r.redactHeaders({ location: 'https://h/?x=known-secret-1', 'set-cookie': ['a=1', 'b=2'] });
    expect(out.location).toBe(`https://h/?x=${MASK}`);
    expect(out['set-cookie']).toEqual([MASK, MASK]);
  });
});

describe('Redactor.redactUrl', () => {
  const r = new Redactor();
  it.each([
    ['https://h/svc?ticket=7T:abc&id=1', `https://h/svc?ticket=${MASK}&id=1`],
    ['https://h/svc?id=1&Password=pw#frag', `https://h/svc?id=1&Password=${MASK}#frag`],
    ['https://h/svc?id=1&key=value', 'https://h/svc?id=1&key=value'],
    ['https://h/svc', 'https://h/svc'],
    ['https://bob:S3cret@h/Cust1/', `https://bob:${MASK}@h/Cust1/`],
    ['http://bob:p%40ss:w@127.0.0.1:8080/x?ticket=t1', `http://bob:${MASK}@127.0.0.1:8080/x?ticket=${MASK}`],
    ['suite x against https://u:pw@h/ (profile strict)', `suite x against https://u:${MASK}@h/ (profile strict)`],
    ['https://bob@h/ (a user name alone is not secret)', 'https://bob@h/ (a user name alone is not secret)'],
    ['mailto:a@b.c and https://h/@x', 'mailto:a@b.c and https://h/@x'],
  ])('%s', (input, expected) => {
    expect(r.redactUrl(input)).toBe(expected);
  });
});

describe('Redactor.redactDeep', () => {
  const r = new Redactor({ secrets: ['deep-secret-99'] });

  it('redacts nested results without changing their shape or the input', () => {
    const input = {
      id: 'suite/User/Services88/GetUser',
      findings: [{ rule: 'value/lexical', message: 'got deep-secret-99', actual: 'deep-secret-99' }],
      exchange: {
        request: {
          url: 'https://h/svc?ticket=abc',
          headers: { authorization: 'Bearer zzz', 'content-type': 'text/xml' },
          body: '<Envelope><Ticket>unknown-value</Ticket></Envelope>',
        },
      },
      vars: { password: 'pw-1', count: 3, ok: true, none: null },
      steps: [{ messages: ['captured deep-secret-99'] }],
    };
    const copy = structuredClone(input);
    const out = r.redactDeep(input);
    expect(input).toEqual(copy);
    expect(out).toEqual({
      id: 'suite/User/Services88/GetUser',
      findings: [{ rule: 'value/lexical', message: `got ${MASK}`, actual: MASK }],
      exchange: {
        request: {
          url: `https://h/svc?ticket=${MASK}`,
          headers: { authorization: `Bearer ${MASK}`, 'content-type': 'text/xml' },
          body: `<Envelope><Ticket>${MASK}</Ticket></Envelope>`,
        },
      },
      vars: { password: MASK, count: 3, ok: true, none: null },
      steps: [{ messages: [`captured ${MASK}`] }],
    });
  });

  it('cuts cycles and turns errors into plain data', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.err = new Error('failed with deep-secret-99');
    expect(r.redactDeep(a)).toEqual({ name: 'a', self: '[circular]', err: { name: 'Error', message: `failed with ${MASK}` } });
  });

  it('keeps a secret-named key with an empty value empty', () => {
    expect(r.redactDeep({ ticket: '' })).toEqual({ ticket: '' });
  });
});

describe('Redactor.redact: secrets masked by meaning, whatever the spelling (issue 10)', () => {
  const TICKET = `7T:ä"q'x-1`;
  const r = new Redactor({ secrets: [TICKET] });
  const every = (s: string, ref: (cp: number) => string): string => [...s].map((c) => ref(c.codePointAt(0)!)).join('');
  it.each([
    ['&quot; and &apos;', `<T>7T:ä&quot;q&apos;x-1</T>`],
    ['&#x27; and &#34;', `<T>7T:ä&#34;q&#x27;x-1</T>`],
    ['non-ASCII as &#228;', `<T>7T:&#228;"q'x-1</T>`],
    ['every character a decimal reference', `<T>${every(TICKET, (cp) => `&#${cp};`)}</T>`],
    ['every character a hex reference', `<T>${every(TICKET, (cp) => `&#x${cp.toString(16)};`)}</T>`],
    ['split by a comment', `<T>7T:ä"q<!-- x -->'x-1</T>`],
    ['split across two CDATA sections', `<T><![CDATA[7T:ä"]]><![CDATA[q'x-1]]></T>`],
    ['split by a processing instruction', `<T>7T<?pi x?>:ä"q'x-1</T>`],
    ['%-encoded UTF-8, lower-case hex', `?t=${encodeURIComponent(TICKET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`],
    ['every character %-encoded', `?t=${[...Buffer.from(TICKET, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`],
    ['JSON \\u escapes', JSON.stringify(TICKET).replace(/ä/, '\\u00e4').replace('7', '\\u0037')],
    ['XML-escaped twice', `<T>7T:ä&amp;quot;q&amp;#39;x-1</T>`],
  ])('%s', (_name, text) => {
    const out = r.redact(text);
    expect(out).toContain(MASK);
    expect(out).not.toMatch(/x-1|x&#45;1|&#120;/);
    expect(out).not.toContain('7T');
  });

  it('masks only the span that spells the secret and keeps the rest byte for byte', () => {
    expect(r.redact(`<a>&lt;ok&gt;</a><T>7T:&#228;&quot;q'x-1</T><!-- c --><b>&amp;</b>`)).toBe(`<a>&lt;ok&gt;</a><T>${MASK}</T><!-- c --><b>&amp;</b>`);
    expect(r.redact(`<T><![CDATA[7T:ä"]]><![CDATA[q'x-1]]></T>`)).toBe(`<T><![CDATA[${MASK}]]></T>`);
  });

  it('leaves look-alikes alone: a reference to another character, a different value', () => {
    const text = `<T>7T:&#229;"q'x-1</T> 7T:ä"q'x-2 %ZZ &bogus; \\q <!-- unclosed`;
    expect(r.redact(text)).toBe(text);
  });
});

describe('Redactor: linear on hostile text (these inputs took hours with backtracking patterns; issue 10)', () => {
  const r = new Redactor({ secrets: ['tk-hostile-1'] });
  const n = 2_000_000;
  it.each([
    ['a query-like attribute followed by semicolons', `<x a="b">${';'.repeat(n)}`],
    ['an @ followed by scheme-like runs', `<x>@${'a.'.repeat(n / 2)}`],
    ['scheme runs without ://', `${'a+'.repeat(n / 4)}:/@`],
    ['separators and keys without =', `?${'k&'.repeat(n / 2)}`],
    ['ampersands without ;', '&'.repeat(n)],
    ['unclosed comments', '<!--'.repeat(n / 4)],
    ['unclosed processing instructions', '<?'.repeat(n / 2)],
    ['unclosed CDATA sections', '<![CDATA['.repeat(n / 9)],
    ['lone %-signs and backslashes', '%\\'.repeat(n / 2)],
  ])('%s', (_name, text) => {
    // Through redactDeep, as recordCase does with response bodies: XML and URL passes and the value search.
    expect(r.redactDeep({ body: text }).body).toBe(text);
  });
});
