import type { MessageRecord } from './message-record';

/** Which conversations to list: a tenant's, newest activity first, a page at a time. */
export interface ConversationQuery {
  /** The tenant (organisation); null lists the messages sent without one. */
  readonly tenantId: string | null;
  /** Page size, 1 to 200. Default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/** One conversation of the inbox: our number and a contact's number. */
export interface Conversation {
  /** Our number (sender of our messages, recipient of theirs); null when the provider chose the sender. */
  readonly ourNumber: string | null;
  /** The contact's number, E.164. */
  readonly contactNumber: string;
  /** The latest message in either direction. */
  readonly lastMessage: MessageRecord;
  /** Inbound messages since our latest outbound message: replying reads the conversation. */
  readonly unreadCount: number;
}

export interface ConversationPage {
  readonly conversations: readonly Conversation[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Which messages of one contact to list, newest first, a page at a time. */
export interface MessageListQuery {
  readonly tenantId: string | null;
  /** The contact's number, E.164. */
  readonly contact: string;
  /** Only the conversation with this number of ours (`Conversation.ourNumber`); default every number. */
  readonly ourNumber?: string | null;
  /** `nextCursor` of the previous page: messages older than its last one. */
  readonly before?: string;
  /** Page size, 1 to 200. Default 50. */
  readonly limit?: number;
}

export interface MessagePage {
  /** Newest first. */
  readonly messages: readonly MessageRecord[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Our number and the contact of a record: who it was between, as the inbox groups it. */
export function conversationOf(record: MessageRecord): { readonly ourNumber: string | null; readonly contactNumber: string | null } {
  return record.direction === 'outbound' ? { ourNumber: record.from, contactNumber: record.to } : { ourNumber: record.to, contactNumber: record.from };
}
