/**
 * WSDL 1.1 definitions → operations: messages and parts, port types, SOAP 1.1 and 1.2 bindings
 * (document or rpc style, literal or encoded use, soap:header parts, soap:fault), services and
 * their port addresses. One operation per (binding, operation); which binding of a port type the
 * contracts follow is chosen by the caller.
 */
import { attribute, childElements, clark, resolveQName, type ExpandedName, type XElement } from '../../xml/index.ts';
import type { DocumentSet, SourceDocument } from './documents.ts';
import { WSDL_NS } from './documents.ts';
import { documentation, type SchemaSet, type WField } from './schema.ts';

export const WSDL_SOAP11_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
export const WSDL_SOAP12_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';

export interface WMessage {
  headers: WField[];
  body?: WField;
}

export interface WOperation {
  name: string;
  portType: ExpandedName;
  binding: ExpandedName;
  soapVersion: '1.1' | '1.2';
  style: 'document' | 'rpc';
  use: 'literal' | 'encoded';
  action: string;
  actionSource: 'wsdl' | 'derived';
  description?: string;
  request: WMessage;
  response?: WMessage;
  faults: Array<{ name: ExpandedName; type?: ExpandedName; description?: string }>;
  /** Endpoint path from a port of a service using the binding. */
  endpoint?: string;
  doc: SourceDocument;
  line: number;
}

interface Named {
  el: XElement;
  doc: SourceDocument;
  tns: string;
}

export interface BindingInfo {
  name: ExpandedName;
  portType: ExpandedName;
  soapVersion: '1.1' | '1.2';
  operations: WOperation[];
}

export class WsdlReader {
  private messages = new Map<string, Named>();
  private portTypes = new Map<string, Named>();
  private bindings: Named[] = [];
  private ports = new Map<string, string>();
  private ptOps = new Map<XElement, Map<string, XElement>>();
  /** targetNamespace of the first definitions read. */
  targetNamespace = '';
  definitionsName = '';

  constructor(private readonly docs: DocumentSet, private readonly schemas: SchemaSet) {}

  addDocument(doc: SourceDocument): void {
    const root = doc.root;
    if (!(root.ns === WSDL_NS && root.local === 'definitions')) return;
    const tns = attribute(root, '', 'targetNamespace')?.value ?? '';
    if (!this.targetNamespace) {
      this.targetNamespace = tns;
      this.definitionsName = attribute(root, '', 'name')?.value ?? '';
    }
    for (const c of childElements(root)) {
      if (c.ns !== WSDL_NS) continue;
      const name = attribute(c, '', 'name')?.value;
      const key = clark({ ns: tns, local: name ?? '' });
      if (c.local === 'message' && name) this.messages.set(key, { el: c, doc, tns });
      else if (c.local === 'portType' && name) this.portTypes.set(key, { el: c, doc, tns });
      else if (c.local === 'binding' && name) this.bindings.push({ el: c, doc, tns });
      else if (c.local === 'service') {
        for (const port of childElements(c)) {
          if (port.local !== 'port') continue;
          const binding = this.schemas.wsdlRef(doc, port, 'binding');
          const address = childElements(port).find((a) => a.local === 'address' && (a.ns === WSDL_SOAP11_NS || a.ns === WSDL_SOAP12_NS));
          const location = address ? attribute(address, '', 'location')?.value : undefined;
          if (binding && location && !this.ports.has(clark(binding))) this.ports.set(clark(binding), endpointPath(location));
        }
      }
    }
  }

  /** A port type's operations by name (the first of a name: overloads are rare), indexed once. */
  private portTypeOperations(pt: Named): Map<string, XElement> {
    let ops = this.ptOps.get(pt.el);
    if (!ops) {
      ops = new Map();
      for (const c of childElements(pt.el)) {
        const n = c.ns === WSDL_NS && c.local === 'operation' ? attribute(c, '', 'name')?.value : undefined;
        if (n !== undefined && !ops.has(n)) ops.set(n, c);
      }
      this.ptOps.set(pt.el, ops);
    }
    return ops;
  }

  /**
   * The message or port type a WSDL reference names. A reference that names none (an unprefixed
   * name read in the WSDL namespace, a prefix bound to another namespace) but whose local name
   * is that of exactly one definition is taken to mean it, with a note, as WSDL stacks read it.
   */
  private lookup(table: Map<string, Named>, doc: SourceDocument, el: XElement, attr: string, what: string): (Named & { name: ExpandedName }) | undefined {
    const raw = attribute(el, '', attr)?.value;
    if (raw === undefined) return undefined;
    const n = resolveQName(raw, el.scope, true);
    const exact = n ? table.get(clark(n)) : undefined;
    if (n && exact) return { ...exact, name: n };
    const local = raw.slice(raw.indexOf(':') + 1);
    const same = [...table.values()].filter((d) => attribute(d.el, '', 'name')?.value === local);
    if (same.length !== 1) return undefined;
    const name = { ns: same[0]!.tns, local };
    this.docs.note(doc, el, `${attr}="${raw}" names no ${what}${n ? ` in ${n.ns || '(no namespace)'}` : ' (undeclared prefix)'}: the only ${what} named ${local}${name.ns ? `, in ${name.ns},` : ''} is taken`);
    return { ...same[0]!, name };
  }

  /** Every SOAP binding with its operations, in document order. Non-SOAP bindings (HTTP, MIME) are noted and left out. */
  readBindings(): BindingInfo[] {
    const out: BindingInfo[] = [];
    for (const b of this.bindings) {
      const soap = childElements(b.el).find((c) => c.local === 'binding' && (c.ns === WSDL_SOAP11_NS || c.ns === WSDL_SOAP12_NS));
      const bname = attribute(b.el, '', 'name')!.value;
      if (!soap) {
        this.docs.note(b.doc, b.el, `binding ${bname} is not a SOAP binding (no soap:binding or soap12:binding): left out`);
        continue;
      }
      const pt = this.lookup(this.portTypes, b.doc, b.el, 'type', 'port type');
      const portType = pt?.name;
      if (!portType || !pt) {
        this.docs.note(b.doc, b.el, `binding ${bname}: its port type ${attribute(b.el, '', 'type')?.value ?? '(none)'} is not defined: left out`);
        continue;
      }
      const name = { ns: b.tns, local: bname };
      const info: BindingInfo = { name, portType, soapVersion: soap.ns === WSDL_SOAP12_NS ? '1.2' : '1.1', operations: [] };
      const style = (attribute(soap, '', 'style')?.value === 'rpc' ? 'rpc' : 'document') as 'document' | 'rpc';
      const transport = attribute(soap, '', 'transport')?.value;
      if (transport && transport !== 'http://schemas.xmlsoap.org/soap/http') this.docs.note(b.doc, soap, `transport ${transport} is not HTTP: contracts are written as for HTTP`);
      for (const op of childElements(b.el)) {
        if (op.ns !== WSDL_NS || op.local !== 'operation') continue;
        const o = this.operation(b, op, pt, info, style);
        if (o) info.operations.push(o);
      }
      out.push(info);
    }
    return out;
  }

  private operation(b: Named, op: XElement, pt: Named, info: BindingInfo, bindingStyle: 'document' | 'rpc'): WOperation | undefined {
    const name = attribute(op, '', 'name')?.value ?? '';
    const soapNs = info.soapVersion === '1.2' ? WSDL_SOAP12_NS : WSDL_SOAP11_NS;
    const soapOp = childElements(op).find((c) => c.ns === soapNs && c.local === 'operation');
    const style = (soapOp && attribute(soapOp, '', 'style')?.value ? attribute(soapOp, '', 'style')!.value : bindingStyle) === 'rpc' ? 'rpc' : 'document';
    // The port type's operation of that name (overloads told apart by input/output names are rare; the first wins).
    const ptOp = this.portTypeOperations(pt).get(name);
    if (!ptOp) {
      this.docs.note(b.doc, op, `operation ${name} of binding ${info.name.local} is not in port type ${info.portType.local}: left out`);
      return undefined;
    }
    const ptInput = childElements(ptOp).find((c) => c.ns === WSDL_NS && c.local === 'input');
    const ptOutput = childElements(ptOp).find((c) => c.ns === WSDL_NS && c.local === 'output');
    if (!ptInput) {
      this.docs.note(pt.doc, ptOp, `operation ${name} has no input (a notification operation): left out`);
      return undefined;
    }
    const bInput = childElements(op).find((c) => c.ns === WSDL_NS && c.local === 'input');
    const bOutput = childElements(op).find((c) => c.ns === WSDL_NS && c.local === 'output');
    let use: 'literal' | 'encoded' = 'literal';
    const message = (ptMsg: XElement, bMsg: XElement | undefined, role: 'request' | 'response'): WMessage | undefined => {
      const msg = this.lookup(this.messages, pt.doc, ptMsg, 'message', 'message');
      if (!msg) {
        this.docs.note(pt.doc, ptMsg, `operation ${name}: message ${attribute(ptMsg, '', 'message')?.value ?? '(none)'} is not defined`);
        return undefined;
      }
      const parts = childElements(msg.el).filter((c) => c.ns === WSDL_NS && c.local === 'part');
      const body = bMsg ? childElements(bMsg).find((c) => c.ns === soapNs && c.local === 'body') : undefined;
      if (bMsg && !body) {
        const mime = childElements(bMsg).find((c) => c.local === 'multipartRelated');
        if (mime) this.docs.note(b.doc, mime, `operation ${name}: MIME attachments (mime:multipartRelated) are not supported: the SOAP part is taken as a plain envelope`);
      }
      if (body && attribute(body, '', 'use')?.value === 'encoded') use = 'encoded';
      const headerParts = new Set<string>();
      const headers: WField[] = [];
      for (const h of bMsg ? childElements(bMsg).filter((c) => c.ns === soapNs && c.local === 'header') : []) {
        const hpart = attribute(h, '', 'part')?.value;
        const hmsg = this.lookup(this.messages, b.doc, h, 'message', 'message');
        const part = hmsg && childElements(hmsg.el).find((c) => c.local === 'part' && attribute(c, '', 'name')?.value === hpart);
        if (!hmsg || !part) {
          this.docs.note(b.doc, h, `operation ${name}: header part ${hpart ?? '(none)'} of message ${attribute(h, '', 'message')?.value ?? '(none)'} is not defined: left out`);
          continue;
        }
        if (hmsg === msg) headerParts.add(hpart!);
        const f = this.partField(hmsg.doc, part, 'document', '');
        // WSDL 1.1 gives header blocks no cardinality; WCF and most stacks send them only when set.
        if (f) headers.push({ ...f, minOccurs: attribute(h, WSDL_NS, 'required')?.value === 'true' ? 1 : 0, maxOccurs: 1 });
      }
      const listed = body ? attribute(body, '', 'parts')?.value?.split(/\s+/).filter(Boolean) : undefined;
      const bodyParts = parts.filter((p) => {
        const n = attribute(p, '', 'name')?.value ?? '';
        return listed ? listed.includes(n) : !headerParts.has(n);
      });
      const out: WMessage = { headers };
      if (style === 'rpc') {
        // No namespace on an rpc soap:body (WS-I asks for one): stacks put the wrapper in the WSDL's targetNamespace.
        let ns = body && attribute(body, '', 'namespace')?.value;
        if (ns === undefined) {
          ns = b.tns;
          this.docs.note(b.doc, body ?? b.el, `operation ${name}: the rpc soap:body has no namespace attribute: the ${role}'s wrapper element is taken in the WSDL's targetNamespace${ns ? ` ${ns}` : ' (none)'}`);
        }
        // SOAP 1.1 encoding (section 5.1): a null or default value may be sent by leaving the accessor out, or as
        // xsi:nil; so each part of an encoded rpc message is optional and nillable. Literal parts are required as declared.
        const encoded = body !== undefined && attribute(body, '', 'use')?.value === 'encoded';
        const fields = bodyParts.flatMap((p) => this.partField(msg.doc, p, 'rpc', '') ?? []).map((f) => (encoded ? { ...f, minOccurs: 0, nillable: true } : f));
        out.body = { field: true, name: { ns, local: role === 'request' ? name : `${name}Response` }, inline: { kind: 'complex', content: 'sequence', particles: fields, attributes: [] }, minOccurs: 1, maxOccurs: 1, nillable: false };
      } else {
        if (bodyParts.length > 1) this.docs.note(msg.doc, msg.el, `operation ${name}: document style with ${bodyParts.length} body parts cannot be expressed (a contract has one body element): the first, ${attribute(bodyParts[0]!, '', 'name')?.value}, is taken`);
        if (bodyParts[0]) {
          const f = this.partField(msg.doc, bodyParts[0], 'document', '');
          if (f) out.body = { ...f, minOccurs: 1, maxOccurs: 1 };
        }
      }
      return out;
    };
    const request = message(ptInput, bInput, 'request');
    if (!request) return undefined;
    const response = ptOutput ? message(ptOutput, bOutput, 'response') : undefined;
    const faults: WOperation['faults'] = [];
    for (const f of childElements(ptOp).filter((c) => c.ns === WSDL_NS && c.local === 'fault')) {
      const fmsg = this.lookup(this.messages, pt.doc, f, 'message', 'message');
      const part = fmsg && childElements(fmsg.el).find((c) => c.local === 'part');
      const field = part && fmsg ? this.partField(fmsg.doc, part, 'document', '') : undefined;
      if (!field) {
        this.docs.note(pt.doc, f, `operation ${name}: fault ${attribute(f, '', 'name')?.value ?? ''} has no message part: left out`);
        continue;
      }
      const desc = documentation(f);
      faults.push({ name: field.name, ...(field.type ? { type: field.type } : {}), ...(desc ? { description: desc } : {}) });
    }
    const soapAction = soapOp ? attribute(soapOp, '', 'soapAction')?.value : undefined;
    const wsaw = attribute(ptInput, 'http://www.w3.org/2006/05/addressing/wsdl', 'Action')?.value ?? attribute(ptInput, 'http://www.w3.org/2007/05/addressing/metadata', 'Action')?.value;
    const action = soapAction || wsaw;
    const description = documentation(ptOp);
    return {
      name,
      portType: info.portType,
      binding: info.name,
      soapVersion: info.soapVersion,
      style,
      use,
      action: action || `${this.targetNamespace.replace(/\/$/, '') || 'urn:soapcheck'}/${info.portType.local}/${name}`,
      actionSource: action ? 'wsdl' : 'derived',
      ...(description ? { description } : {}),
      request,
      ...(response ? { response } : {}),
      faults,
      ...(this.ports.has(clark(info.name)) ? { endpoint: this.ports.get(clark(info.name))! } : {}),
      doc: b.doc,
      line: op.line + b.doc.lineOffset,
    };
  }

  /** A message part as a field: its element (document, or rpc with element), or an element named after the part (rpc / type parts). */
  private partField(doc: SourceDocument, part: XElement, style: 'document' | 'rpc', _ns: string): WField | undefined {
    const partName = attribute(part, '', 'name')?.value ?? '';
    const element = this.schemas.wsdlRef(doc, part, 'element');
    if (element) {
      const g = this.schemas.globalElement(element);
      if (!g) {
        this.docs.note(doc, part, `part ${partName}: element ${element.ns ? `{${element.ns}}` : ''}${element.local} is not defined in the documents read: any content accepted`);
        return { field: true, name: element, type: { ns: 'http://www.w3.org/2001/XMLSchema', local: 'anyType' }, minOccurs: 1, maxOccurs: 1, nillable: true };
      }
      return g.field;
    }
    const type = this.schemas.wsdlRef(doc, part, 'type');
    if (!type) {
      this.docs.note(doc, part, `part ${partName} has neither element nor type: left out`);
      return undefined;
    }
    if (style === 'document') this.docs.note(doc, part, `part ${partName} has a type, not an element, under document style: the body element is taken to be named after the part`);
    return { field: true, name: { ns: '', local: partName }, type: this.schemas.partType(doc, part, type), minOccurs: 1, maxOccurs: 1, nillable: false };
  }
}

/** The path of a port address, without the leading slash (`https://h/Cust1/Remote/User.svc` → `Cust1/Remote/User.svc`). */
export function endpointPath(location: string): string {
  try {
    const u = new URL(location);
    const p = decodeURIComponent(u.pathname).replace(/^\/+/, '');
    return p || u.hostname;
  } catch {
    return location.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '').replace(/^\/+/, '') || 'service';
  }
}
