import { sha256 } from '../hashing/sha256';

/** Tenant ids are free text: encoding keeps `:` and Redis hash-tag braces out of the key structure. */
export function tenantKeyOf(tenantId: string): string {
  return `tenant:${encodeURIComponent(tenantId)}`;
}

/** Counter keys never hold a phone number in clear, so a store's key listing is not a contact list. */
export function digest(value: string): string {
  return sha256(value, 'base64url').slice(0, 22);
}
