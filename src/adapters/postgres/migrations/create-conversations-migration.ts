import type { PostgresMigration } from './postgres-migration';

/**
 * Version 3: conversations for the host's inbox and one-statement updates (docs/persistence.md#conversations).
 * `contact_number` (the other party: `to` of an outbound message, `from` of an inbound one) and `tenant_key`
 * (the tenant, '' for none) are generated, so one index serves a contact's messages newest first. The
 * `<table>_conversations` table holds one row per tenant, our number and contact (its last message, our
 * last reply, the inbound messages after it), kept by the store in the statement that inserts a message and
 * filled here from the existing rows, so listing conversations reads one index instead of grouping every
 * message. `revision` counts a record's writes: an update applies only to the revision it read
 * (compare-and-set in one `UPDATE`).
 */
export const createConversationsMigration: PostgresMigration = {
  version: 3,
  name: 'add conversations and record revisions',
  sql: ({ qualified, conversations, tableName }) => `ALTER TABLE ${qualified}
  ADD COLUMN IF NOT EXISTS revision bigint NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS contact_number varchar(20) GENERATED ALWAYS AS (CASE WHEN direction = 'outbound' THEN to_number ELSE from_number END) STORED,
  ADD COLUMN IF NOT EXISTS tenant_key varchar(128) GENERATED ALWAYS AS (COALESCE(tenant_id, '')) STORED;
CREATE INDEX IF NOT EXISTS idx_${tableName}_contact_messages ON ${qualified} (tenant_key, contact_number, created_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS ${conversations} (
  tenant_key varchar(128) NOT NULL,
  our_number varchar(64) COLLATE "C" NOT NULL,
  contact_number varchar(20) COLLATE "C" NOT NULL,
  last_message_id uuid NOT NULL,
  last_message_at timestamptz NOT NULL,
  last_reply_id uuid,
  last_reply_at timestamptz,
  unread_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_key, our_number, contact_number)
);
CREATE INDEX IF NOT EXISTS idx_${tableName}_conversations_recent ON ${conversations} (tenant_key, last_message_at DESC, our_number DESC, contact_number DESC);
WITH message AS (
  SELECT id, created_at, direction, tenant_key, contact_number, COALESCE(CASE WHEN direction = 'outbound' THEN from_number ELSE to_number END, '') AS our_number
  FROM ${qualified} WHERE contact_number IS NOT NULL
), latest AS (
  SELECT DISTINCT ON (tenant_key, our_number, contact_number) tenant_key, our_number, contact_number, id, created_at
  FROM message ORDER BY tenant_key, our_number, contact_number, created_at DESC, id DESC
), reply AS (
  SELECT DISTINCT ON (tenant_key, our_number, contact_number) tenant_key, our_number, contact_number, id, created_at
  FROM message WHERE direction = 'outbound' ORDER BY tenant_key, our_number, contact_number, created_at DESC, id DESC
), unread AS (
  SELECT message.tenant_key, message.our_number, message.contact_number, count(*)::integer AS count
  FROM message LEFT JOIN reply USING (tenant_key, our_number, contact_number)
  WHERE message.direction = 'inbound' AND (reply.id IS NULL OR (message.created_at, message.id) > (reply.created_at, reply.id))
  GROUP BY message.tenant_key, message.our_number, message.contact_number
)
INSERT INTO ${conversations} (tenant_key, our_number, contact_number, last_message_id, last_message_at, last_reply_id, last_reply_at, unread_count)
SELECT latest.tenant_key, latest.our_number, latest.contact_number, latest.id, latest.created_at, reply.id, reply.created_at, COALESCE(unread.count, 0)
FROM latest LEFT JOIN reply USING (tenant_key, our_number, contact_number) LEFT JOIN unread USING (tenant_key, our_number, contact_number)
ON CONFLICT DO NOTHING;
`,
};
