/**
 * Delivery statuses and replies for Twilio and Telnyx on Node's own http server (Express mounts the
 * same function: `app.post('/webhooks/sms', toNodeHandler(handler))`, before any body parser).
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… TWILIO_PHONE_NUMBER=+1… \
 *   TWILIO_STATUS_CALLBACK_URL=https://hooks.example.com/webhooks/sms \
 *   TELNYX_PUBLIC_KEY=… PUBLIC_ORIGIN=https://hooks.example.com PORT=3000 \
 *   npx tsx examples/webhooks-node.ts
 *
 * Point Twilio's messaging webhook and status callback, and Telnyx's messaging profile webhook, at
 * https://hooks.example.com/webhooks/sms. Behind a proxy or tunnel, PUBLIC_ORIGIN is the origin the
 * providers call (Twilio signs that URL, not the one this process sees). Every status and reply is
 * printed, numbers masked. The test suite runs this file with signed requests
 * (test/examples/webhooks-node.test.ts).
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createWebhookHandler, createInMemoryEventPublisher, createInMemoryOptOutStore, maskPhoneNumber, SMSService, toNodeHandler } from '@ocelot-platform/tools-core';

export interface WebhookServer {
  readonly server: Server;
  readonly sms: SMSService;
}

export function createWebhookServer(env: Readonly<Record<string, string | undefined>> = process.env, write: (line: string) => void = console.log): WebhookServer {
  const events = createInMemoryEventPublisher();
  events.subscribe('sms.status', (event) => {
    const error = event.data.error === null ? '' : ` (${event.data.error_code}: ${event.data.error.reason})`;
    write(`status ${event.data.message_id ?? `unknown message ${event.data.provider_message_id}`}: ${event.data.previous_status ?? '?'} -> ${event.data.status}${error}`);
  });
  events.subscribe('sms.received', (event) => {
    const keyword = event.data.opt_out_action === null ? '' : ` [${event.data.opt_out_action}]`;
    write(`received from ${maskPhoneNumber(event.data.from)} via ${event.data.provider}: ${event.data.body.length} characters, ${event.data.media.length} media${keyword}`);
  });
  // One process here; createRedisOptOutStore (@ocelot-platform/tools-core/redis) shares opt-outs between processes.
  const sms = SMSService.fromEnv(env, { events, optOuts: createInMemoryOptOutStore() });
  const handler = createWebhookHandler({
    service: sms,
    providers: {
      twilio: { authToken: env.TWILIO_AUTH_TOKEN, ...(env.PUBLIC_ORIGIN === undefined ? {} : { publicOrigin: env.PUBLIC_ORIGIN }) },
      telnyx: { publicKey: env.TELNYX_PUBLIC_KEY },
    },
    onError: (error, context) => write(`could not ${context.stage}: ${error instanceof Error ? error.message : String(error)}`),
  });
  return { server: createServer(toNodeHandler(handler)), sms };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 3000);
  createWebhookServer().server.listen(port, () => console.log(`Listening on http://localhost:${port}/webhooks/sms`));
}
