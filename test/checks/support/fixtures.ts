/** A small contract shared by the rule tables: GetThing with a Thing response and a Ticket header. */
import { envelope, f, makeContract } from './contract.ts';

export const thing = makeContract({
  request: {
    headers: [f('t:Ticket', { type: 'xsd:string', secret: true }), f('t:Trace', { type: 'xsd:string', min: 0 })],
    body: f('t:GetThing', { fields: [f('t:Id', { type: 'xsd:int' })] }),
  },
  response: {
    body: f('t:GetThingResponse', { fields: [f('t:Response', { type: 't:Thing', nillable: true })] }),
  },
  types: {
    't:Thing': {
      fields: [
        f('t:Id', { type: 'xsd:int' }),
        f('t:Name', { type: 'xsd:string' }),
        f('t:Kind', { type: 't:Kind', min: 0 }),
        f('t:Tags', { type: 'xsd:string', min: 0, max: 3 }),
        f('t:Parent', { type: 't:Thing', min: 0, nillable: true }),
      ],
    },
    't:Kind': { base: 'xsd:string', enum: ['Static', 'Dynamic'] },
  },
});

/** A response with the given Thing content. */
export const resp = (inner: string, opts: Parameters<typeof envelope>[1] = {}): string =>
  envelope(`<t:GetThingResponse><t:Response>${inner}</t:Response></t:GetThingResponse>`, opts);

/** A request with the given header blocks and Id. */
export const req = (header: string | undefined, id = '1'): string =>
  envelope(`<t:GetThing><t:Id>${id}</t:Id></t:GetThing>`, { header });

export const OK_THING = '<t:Id>1</t:Id><t:Name>n</t:Name>';
