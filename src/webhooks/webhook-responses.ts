/** Twilio expects TwiML from a messaging webhook; an empty `<Response/>` sends no reply (docs/webhooks.md#answers). */
export function twimlResponse(message?: string): Response {
  const reply = message === undefined ? '' : `<Message>${escapeXml(message)}</Message>`;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?><Response>${reply}</Response>`, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}

/** A refusal whose body names the reason and the usual mistake (Twilio's debugger shows it), never a secret. */
export function refusal(status: 400 | 403 | 405 | 413 | 500, reason: string, message: string): Response {
  const headers: Record<string, string> = status === 405 ? { allow: 'POST' } : {};
  return Response.json({ error: { reason, message } }, { status, headers });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[character] as string);
}
