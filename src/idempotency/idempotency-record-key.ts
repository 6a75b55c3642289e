/**
 * The store key of an idempotency key: scoped per tenant, so one tenant never sees another's result
 * (docs/reliability.md#idempotency-model: the IETF draft's composite key). Both parts are percent-encoded, so a
 * `/` or `:` in a tenant id cannot make two scopes collide; requests without a tenant share the
 * default scope `-`, which no encoded tenant id can equal (it always starts with `t.`).
 *
 * @example
 * idempotencyRecordKey({ tenantId: 'org 1', idempotencyKey: 'order/42' }); // 't.org%201/order%2F42'
 */
export function idempotencyRecordKey(request: { readonly tenantId: string | undefined; readonly idempotencyKey: string }): string {
  const scope = request.tenantId === undefined ? '-' : `t.${encodeURIComponent(request.tenantId)}`;
  return `${scope}/${encodeURIComponent(request.idempotencyKey)}`;
}
