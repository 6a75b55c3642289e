/** Twilio expects TwiML from a messaging webhook; an empty `<Response/>` sends no reply (docs/webhooks.md#answers). */
export function twimlResponse(message?: string): Response {
  const reply = message === undefined ? '' : `<Message>${escapeXml(message)}</Message>`;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?><Response>${reply}</Response>`, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[character] as string);
}
