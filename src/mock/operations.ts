/** How mock options name operations: `Service/Operation` (any version) or `Version/Service/Operation`. */
import type { Contract } from '../contract/model.ts';

/** True when an operation reference names this contract. */
export function matchesOperation(ref: string, c: Contract): boolean {
  const parts = ref.split('/');
  if (parts.length === 2) return parts[0] === c.service && parts[1] === c.operation;
  if (parts.length === 3) return parts[0] === c.version && parts[1] === c.service && parts[2] === c.operation;
  return false;
}

/** `Services88/User/SaveCredential`: how the mock names an operation in logs and listings. */
export function operationId(c: Contract): string {
  return `${c.version}/${c.service}/${c.operation}`;
}
