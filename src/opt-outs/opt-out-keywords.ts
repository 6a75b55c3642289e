import type { OptOutAction } from '../messages/opt-out-action';

/**
 * The keywords recipients reply with, as a pure table. Opt-out: Twilio's default opt-out keywords
 * (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) plus REVOKE and OPTOUT, which the CTIA added and
 * Twilio honours since 2025; opt-in: START, UNSTOP, YES; help: HELP and INFO (Twilio's defaults). Telnyx
 * sends no opt-out flag on inbound messages, so STOP/START are read from the body (docs/webhooks.md#opt-outs).
 *
 * STOPALL is recorded like STOP, for the sender it was sent to: carriers treat it as STOP, and a reply
 * to one number says nothing about the host's other numbers.
 */
export const OPT_OUT_KEYWORDS = {
  STOP: 'opt-out',
  STOPALL: 'opt-out',
  UNSUBSCRIBE: 'opt-out',
  CANCEL: 'opt-out',
  END: 'opt-out',
  QUIT: 'opt-out',
  REVOKE: 'opt-out',
  OPTOUT: 'opt-out',
  START: 'opt-in',
  UNSTOP: 'opt-in',
  YES: 'opt-in',
  HELP: 'help',
  INFO: 'help',
} as const satisfies Readonly<Record<string, OptOutAction>>;

export type OptOutKeyword = keyof typeof OPT_OUT_KEYWORDS;
