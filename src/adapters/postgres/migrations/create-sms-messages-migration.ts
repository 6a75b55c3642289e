import { MESSAGE_STATUSES } from '../../../messages/message-status';
import type { PostgresMigration } from './postgres-migration';

/**
 * Version 1: the host's `sms_messages` table (docs/persistence.md#the-table): its columns, E.164 check and
 * four indexes, plus what the library keeps. `cost_usd` is derived from the exact `cost` text, so money reads
 * back as it was written and the host still sums a numeric column. The host's foreign keys are not created
 * (docs/persistence.md#foreign-keys).
 */
export const createSmsMessagesMigration: PostgresMigration = {
  version: 1,
  name: 'create the sms_messages table',
  sql: ({ schema, qualified, tableName }) => `CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${qualified} (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid,
  from_number varchar(20),
  to_number varchar(20) NOT NULL,
  body text NOT NULL,
  direction varchar(10) NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  provider varchar(64),
  provider_message_id varchar(100),
  status varchar(20) NOT NULL CHECK (status IN (${MESSAGE_STATUSES.map((status) => `'${status}'`).join(', ')})),
  error_message text,
  cost_usd numeric(10, 6) GENERATED ALWAYS AS (CASE WHEN currency = 'USD' THEN cost::numeric(10, 6) END) STORED,
  segments integer DEFAULT 1,
  campaign_id uuid,
  contact_id uuid,
  metadata jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  tenant_id varchar(128),
  media_urls jsonb NOT NULL DEFAULT '[]',
  encoding varchar(5) NOT NULL DEFAULT 'GSM-7' CHECK (encoding IN ('GSM-7', 'UCS-2')),
  error_code varchar(32),
  error_reason varchar(64),
  provider_code varchar(64),
  attempts integer,
  idempotency_key varchar(255),
  cost varchar(32) CHECK (cost ~ '^[0-9]+(\\.[0-9]+)?$'),
  currency varchar(3),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ${tableName}_valid_phone_numbers CHECK (
    (from_number IS NULL OR from_number ~ '^\\+[1-9]\\d{1,14}$') AND to_number ~ '^\\+[1-9]\\d{1,14}$'
  )
);
CREATE INDEX IF NOT EXISTS idx_${tableName}_org ON ${qualified} (organization_id);
CREATE INDEX IF NOT EXISTS idx_${tableName}_contact ON ${qualified} (contact_id);
CREATE INDEX IF NOT EXISTS idx_${tableName}_created ON ${qualified} (created_at DESC);
CREATE INDEX IF NOT EXISTS idx_${tableName}_direction ON ${qualified} (direction, organization_id);
CREATE UNIQUE INDEX IF NOT EXISTS idx_${tableName}_provider_message ON ${qualified} (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS idx_${tableName}_idempotency ON ${qualified} (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL AND direction = 'outbound';
CREATE INDEX IF NOT EXISTS idx_${tableName}_unsettled ON ${qualified} (status, status_changed_at) WHERE status IN ('queued', 'sending', 'sent', 'unknown');
`,
};
