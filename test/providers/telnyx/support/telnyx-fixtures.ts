import type { ProviderSendRequest } from '../../../../src/providers/provider';

export const API_KEY = 'KEY01932F7A5C3E4B0D8E6F2A1B9C7D5E3F_q8ZrT2vLmN4pXwY6';
export const FROM = '+14155550199';
export const TO = '+14155552671';
export const MESSAGING_PROFILE_ID = '4001767e-ce0f-4cae-9d5f-0d5e636e7809';
export const TELNYX_ORIGIN = 'https://api.telnyx.com';
export const MESSAGES_PATH = '/v2/messages';
export const MESSAGE_ID = '40385f64-5717-4562-b3fc-2c963f66afa6';

export function sendRequest(overrides: Partial<ProviderSendRequest> = {}): ProviderSendRequest {
  return {
    messageId: 'msg_01HZX4K8Q2',
    to: TO,
    body: 'Your code is 482913',
    mediaUrls: [],
    encoding: 'GSM-7',
    segments: 1,
    ...overrides,
  };
}

/** The `POST /v2/messages` answer: `{ data: OutboundMessagePayload }` (developers.telnyx.com, Send a message). */
export function telnyxMessage(overrides: Record<string, unknown> = {}): { data: Record<string, unknown> } {
  return {
    data: {
      record_type: 'message',
      direction: 'outbound',
      id: MESSAGE_ID,
      type: 'SMS',
      messaging_profile_id: MESSAGING_PROFILE_ID,
      organization_id: 'b448f9cc-a842-4784-98e9-03c1a5872950',
      from: { phone_number: FROM, carrier: 'Telnyx', line_type: 'Wireless' },
      to: [{ phone_number: TO, status: 'queued', carrier: 'T-MOBILE USA, INC.', line_type: 'Wireless' }],
      cc: [],
      text: 'Your code is 482913',
      media: [],
      webhook_url: null,
      webhook_failover_url: null,
      encoding: 'GSM-7',
      parts: 1,
      tags: [],
      cost: null,
      cost_breakdown: null,
      tcr_campaign_id: null,
      tcr_campaign_billable: false,
      tcr_campaign_registered: null,
      received_at: '2024-11-21T05:01:45.123+00:00',
      sent_at: null,
      completed_at: null,
      valid_until: '2024-11-21T06:01:45.123+00:00',
      errors: [],
      ...overrides,
    },
  };
}

/** Telnyx's documented error body: `{ errors: [{ code, title, detail, source, meta }] }` (https://developers.telnyx.com/development/api-fundamentals/api-errors). */
export function telnyxErrorBody(code: string, title: string, detail?: string): Record<string, unknown> {
  return {
    errors: [
      {
        code,
        title,
        ...(detail === undefined ? {} : { detail }),
        source: { pointer: '/to' },
      },
    ],
  };
}
