/** The diff's check registry: every check by its stable id, in documentation order (docs/diff.md). */
import type { AnyCheck } from './model.ts';
import { check as namespaceMoved } from './checks/namespace-moved.ts';
import { check as endpointMoved } from './checks/endpoint-moved.ts';
import { check as operationAdded } from './checks/operation-added.ts';
import { check as operationRemoved } from './checks/operation-removed.ts';
import { check as operationSoapVersionChanged } from './checks/operation-soap-version-changed.ts';
import { check as operationActionChanged } from './checks/operation-action-changed.ts';
import { check as operationEndpointChanged } from './checks/operation-endpoint-changed.ts';
import { check as operationStyleChanged } from './checks/operation-style-changed.ts';
import { check as operationFaultAdded } from './checks/operation-fault-added.ts';
import { check as operationFaultRemoved } from './checks/operation-fault-removed.ts';
import { check as requestBodyElementChanged } from './checks/request-body-element-changed.ts';
import { check as responseBodyElementChanged } from './checks/response-body-element-changed.ts';
import { check as requestHeaderAddedRequired } from './checks/request-header-added-required.ts';
import { check as requestHeaderAddedOptional } from './checks/request-header-added-optional.ts';
import { check as requestHeaderRemoved } from './checks/request-header-removed.ts';
import { check as responseHeaderAdded } from './checks/response-header-added.ts';
import { check as responseHeaderRemoved } from './checks/response-header-removed.ts';
import { check as requestFieldAddedRequired } from './checks/request-field-added-required.ts';
import { check as requestFieldAddedOptional } from './checks/request-field-added-optional.ts';
import { check as requestFieldRemoved } from './checks/request-field-removed.ts';
import { check as responseFieldAdded } from './checks/response-field-added.ts';
import { check as responseFieldRemoved } from './checks/response-field-removed.ts';
import { check as requestFieldRenamed } from './checks/request-field-renamed.ts';
import { check as responseFieldRenamed } from './checks/response-field-renamed.ts';
import { check as requestFieldReordered } from './checks/request-field-reordered.ts';
import { check as responseFieldReordered } from './checks/response-field-reordered.ts';
import { check as requestFieldTypeChanged } from './checks/request-field-type-changed.ts';
import { check as responseFieldTypeChanged } from './checks/response-field-type-changed.ts';
import { check as requestTypeBaseChanged } from './checks/request-type-base-changed.ts';
import { check as responseTypeBaseChanged } from './checks/response-type-base-changed.ts';
import { check as requestFieldBecameRequired } from './checks/request-field-became-required.ts';
import { check as requestFieldBecameOptional } from './checks/request-field-became-optional.ts';
import { check as responseFieldBecameOptional } from './checks/response-field-became-optional.ts';
import { check as responseFieldBecameRequired } from './checks/response-field-became-required.ts';
import { check as requestFieldMaxOccursDecreased } from './checks/request-field-max-occurs-decreased.ts';
import { check as requestFieldMaxOccursIncreased } from './checks/request-field-max-occurs-increased.ts';
import { check as responseFieldMaxOccursIncreased } from './checks/response-field-max-occurs-increased.ts';
import { check as responseFieldMaxOccursDecreased } from './checks/response-field-max-occurs-decreased.ts';
import { check as requestFieldNillableRemoved } from './checks/request-field-nillable-removed.ts';
import { check as requestFieldNillableAdded } from './checks/request-field-nillable-added.ts';
import { check as responseFieldNillableAdded } from './checks/response-field-nillable-added.ts';
import { check as responseFieldNillableRemoved } from './checks/response-field-nillable-removed.ts';
import { check as requestAttributeAddedRequired } from './checks/request-attribute-added-required.ts';
import { check as requestAttributeAddedOptional } from './checks/request-attribute-added-optional.ts';
import { check as requestAttributeRemoved } from './checks/request-attribute-removed.ts';
import { check as responseAttributeAdded } from './checks/response-attribute-added.ts';
import { check as responseAttributeRemoved } from './checks/response-attribute-removed.ts';
import { check as requestEnumValueRemoved } from './checks/request-enum-value-removed.ts';
import { check as requestEnumValueAdded } from './checks/request-enum-value-added.ts';
import { check as responseEnumValueAdded } from './checks/response-enum-value-added.ts';
import { check as responseEnumValueRemoved } from './checks/response-enum-value-removed.ts';

export const CHECK_LIST: readonly AnyCheck[] = [
  namespaceMoved,
  endpointMoved,
  operationAdded,
  operationRemoved,
  operationSoapVersionChanged,
  operationActionChanged,
  operationEndpointChanged,
  operationStyleChanged,
  operationFaultAdded,
  operationFaultRemoved,
  requestBodyElementChanged,
  responseBodyElementChanged,
  requestHeaderAddedRequired,
  requestHeaderAddedOptional,
  requestHeaderRemoved,
  responseHeaderAdded,
  responseHeaderRemoved,
  requestFieldAddedRequired,
  requestFieldAddedOptional,
  requestFieldRemoved,
  responseFieldAdded,
  responseFieldRemoved,
  requestFieldRenamed,
  responseFieldRenamed,
  requestFieldReordered,
  responseFieldReordered,
  requestFieldTypeChanged,
  responseFieldTypeChanged,
  requestTypeBaseChanged,
  responseTypeBaseChanged,
  requestFieldBecameRequired,
  requestFieldBecameOptional,
  responseFieldBecameOptional,
  responseFieldBecameRequired,
  requestFieldMaxOccursDecreased,
  requestFieldMaxOccursIncreased,
  responseFieldMaxOccursIncreased,
  responseFieldMaxOccursDecreased,
  requestFieldNillableRemoved,
  requestFieldNillableAdded,
  responseFieldNillableAdded,
  responseFieldNillableRemoved,
  requestAttributeAddedRequired,
  requestAttributeAddedOptional,
  requestAttributeRemoved,
  responseAttributeAdded,
  responseAttributeRemoved,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  responseEnumValueAdded,
  responseEnumValueRemoved,
];

/** id → check. */
export const CHECKS: ReadonlyMap<string, AnyCheck> = new Map(CHECK_LIST.map((c) => [c.id, c]));
