/**
 * The plain 2xx most vendors want from a webhook endpoint, fast (Telnyx: within 2 s,
 * docs/telnyx.md#webhooks-and-correlation): a JSON acknowledgement that carries no reply.
 */
export function acknowledgeWebhook(): Response {
  return Response.json({ received: true }, { status: 200 });
}
