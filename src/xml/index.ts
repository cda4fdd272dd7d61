/** The XML layer: the only place that knows which XML engine soapcheck uses. */
export * from './tree.ts';
export * from './parse.ts';
export * from './qname.ts';
export * from './escape.ts';
export * from './c14n.ts';
export * from './serialize.ts';
