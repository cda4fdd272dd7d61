/** The crosscheck's registry: every check by its stable id, in documentation order (docs/crosscheck.md). */
import type { AnyCrossCheck } from './model.ts';
import { check as namespaceUri } from './checks/namespace-uri.ts';
import { check as operationDocsOnly } from './checks/operation-docs-only.ts';
import { check as operationWsdlOnly } from './checks/operation-wsdl-only.ts';
import { check as soapVersion } from './checks/soap-version.ts';
import { check as soapAction } from './checks/soap-action.ts';
import { check as headerPlacement } from './checks/header-placement.ts';
import { check as headerDocsOnly } from './checks/header-docs-only.ts';
import { check as headerWsdlOnly } from './checks/header-wsdl-only.ts';
import { check as bodyElement } from './checks/body-element.ts';
import { check as fieldDocsOnly } from './checks/field-docs-only.ts';
import { check as fieldWsdlOnly } from './checks/field-wsdl-only.ts';
import { check as fieldName } from './checks/field-name.ts';
import { check as fieldOrder } from './checks/field-order.ts';
import { check as fieldType } from './checks/field-type.ts';
import { check as fieldCardinality } from './checks/field-cardinality.ts';
import { check as fieldNillable } from './checks/field-nillable.ts';
import { check as enumValues } from './checks/enum-values.ts';

export const CROSS_CHECK_LIST: readonly AnyCrossCheck[] = [
  namespaceUri,
  operationDocsOnly,
  operationWsdlOnly,
  soapVersion,
  soapAction,
  headerPlacement,
  headerDocsOnly,
  headerWsdlOnly,
  bodyElement,
  fieldDocsOnly,
  fieldWsdlOnly,
  fieldName,
  fieldOrder,
  fieldType,
  fieldCardinality,
  fieldNillable,
  enumValues,
];

/** id → check. */
export const CROSS_CHECKS: ReadonlyMap<string, AnyCrossCheck> = new Map(CROSS_CHECK_LIST.map((c) => [c.id, c]));
