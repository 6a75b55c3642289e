/**
 * Adds the library's message id to a status callback URL as `message_id`, keeping the existing query
 * parameters and fragment (Twilio connection overrides live in the fragment) so status callbacks can
 * be correlated (docs/twilio.md#status-callbacks-and-correlation, docs/telnyx.md#webhooks-and-correlation).
 *
 * @example
 * withMessageIdParameter('https://example.com/hooks?tenant=7', 'msg_1'); // 'https://example.com/hooks?tenant=7&message_id=msg_1'
 */
export function withMessageIdParameter(callbackUrl: string, messageId: string): string {
  const url = new URL(callbackUrl);
  if (url.searchParams.has(MESSAGE_ID_PARAMETER)) {
    url.searchParams.set(MESSAGE_ID_PARAMETER, messageId);
    return url.toString();
  }
  const parameter = `${MESSAGE_ID_PARAMETER}=${encodeURIComponent(messageId)}`;
  url.search = url.search.length > 1 ? `${url.search}&${parameter}` : `?${parameter}`;
  return url.toString();
}

/** Query parameter carrying the library's message id on status callback URLs. */
export const MESSAGE_ID_PARAMETER = 'message_id';
