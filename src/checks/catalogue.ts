/** The rule catalogue: every rule by its stable id, in documentation order. */
import type { Rule } from './rule.ts';
import { rule as envelopeNotXml } from './rules/envelope-not-xml.ts';
import { rule as envelopeVersion } from './rules/envelope-version.ts';
import { rule as envelopeStructure } from './rules/envelope-structure.ts';
import { rule as envelopeForbidden } from './rules/envelope-forbidden.ts';
import { rule as httpStatus } from './rules/http-status.ts';
import { rule as httpContentType } from './rules/http-content-type.ts';
import { rule as httpCharset } from './rules/http-charset.ts';
import { rule as httpAction } from './rules/http-action.ts';
import { rule as faultUnexpected } from './rules/fault-unexpected.ts';
import { rule as faultStructure } from './rules/fault-structure.ts';
import { rule as bodyEmpty } from './rules/body-empty.ts';
import { rule as bodyElement } from './rules/body-element.ts';
import { rule as headerMissing } from './rules/header-missing.ts';
import { rule as headerMustUnderstand } from './rules/header-must-understand.ts';
import { rule as namespaceMismatch } from './rules/namespace-mismatch.ts';
import { rule as fieldMissing } from './rules/field-missing.ts';
import { rule as fieldUnexpected } from './rules/field-unexpected.ts';
import { rule as fieldOrder } from './rules/field-order.ts';
import { rule as fieldCardinality } from './rules/field-cardinality.ts';
import { rule as fieldNil } from './rules/field-nil.ts';
import { rule as xsiTypeMismatch } from './rules/xsi-type-mismatch.ts';
import { rule as xsiTypeUnresolved } from './rules/xsi-type-unresolved.ts';
import { rule as valueLexical } from './rules/value-lexical.ts';
import { rule as fieldChoice } from './rules/field-choice.ts';
import { rule as attributeMissing } from './rules/attribute-missing.ts';
import { rule as attributeUnexpected } from './rules/attribute-unexpected.ts';
import { rule as attributeValue } from './rules/attribute-value.ts';
import { rule as xsiTypeAbstract } from './rules/xsi-type-abstract.ts';
import { rule as schemaXsd } from './rules/schema-xsd.ts';
import { rule as expectationFailed } from './rules/expectation-failed.ts';

export const RULE_LIST: readonly Rule[] = [
  envelopeNotXml, envelopeVersion, envelopeStructure, envelopeForbidden,
  httpStatus, httpContentType, httpCharset, httpAction,
  faultUnexpected, faultStructure,
  bodyEmpty, bodyElement, headerMissing, headerMustUnderstand, namespaceMismatch,
  fieldMissing, fieldUnexpected, fieldOrder, fieldCardinality, fieldNil, fieldChoice,
  attributeMissing, attributeUnexpected, attributeValue,
  xsiTypeMismatch, xsiTypeUnresolved, xsiTypeAbstract, valueLexical,
  schemaXsd, expectationFailed,
];

/** id → rule. */
export const RULES: ReadonlyMap<string, Rule> = new Map(RULE_LIST.map((r) => [r.id, r]));
