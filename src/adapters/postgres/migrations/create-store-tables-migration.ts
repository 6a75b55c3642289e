import type { PostgresMigration } from './postgres-migration';

/**
 * Version 2: the tables of the other durable ports, per schema: idempotency records, opt-outs and webhook
 * dedupe keys (docs/persistence.md#every-port-on-postgresql). Times are epoch milliseconds from the
 * store's clock, so expiry follows the same clock as the in-memory stores.
 */
export const createStoreTablesMigration: PostgresMigration = {
  version: 2,
  name: 'create the idempotency, opt-out and webhook dedupe tables',
  sql: ({ schema }) => `CREATE TABLE IF NOT EXISTS ${schema}.tools_core_idempotency (
  key text PRIMARY KEY,
  state varchar(10) NOT NULL CHECK (state IN ('in-flight', 'completed')),
  token varchar(100) NOT NULL,
  fingerprint varchar(100) NOT NULL,
  expires_at bigint NOT NULL,
  outcome jsonb
);
CREATE INDEX IF NOT EXISTS tools_core_idempotency_expires ON ${schema}.tools_core_idempotency (expires_at);
CREATE TABLE IF NOT EXISTS ${schema}.tools_core_opt_outs (
  recipient varchar(20) NOT NULL,
  sender varchar(64) NOT NULL,
  source varchar(10) NOT NULL CHECK (source IN ('keyword', 'provider', 'manual')),
  detail text,
  provider varchar(64),
  created_at varchar(32) NOT NULL,
  PRIMARY KEY (recipient, sender)
);
CREATE TABLE IF NOT EXISTS ${schema}.tools_core_webhook_dedupe (
  key text PRIMARY KEY,
  expires_at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS tools_core_webhook_dedupe_expires ON ${schema}.tools_core_webhook_dedupe (expires_at);
`,
};
