import { z } from 'zod';
import { unknownOptionError } from '../errors/unknown-option-error';
import { ValidationError } from '../errors/validation-error';
import { checkPhoneNumber } from '../phone/check-phone-number';
import { readPhonePolicy, type PhonePolicy } from '../phone/phone-policy';
import { isSenderShape } from '../senders/sender-patterns';
import { checkBodyCharacters, checkBodyLength, isBlankBody } from './body-rules';
import type { ValidatedSendRequest } from '../messages/send-request';

export interface SendRequestRules {
  /** Destination policy, read once from the service's `phone` options. */
  readonly phone: PhonePolicy;
  readonly maxMediaUrls: number;
  /** The service's segment cap: a body too long for it is refused by its length, before any scan. */
  readonly maxSegments: number;
}

/** Senders are our own numbers: any valid number type is fine, from any country. */
const senderPolicy = readPhonePolicy({ blockedTypes: [] });
const metadataValue = z.union([z.string().max(1024), z.number().finite(), z.boolean(), z.null()]);

const sendRequestSchema = z.strictObject({
  to: z.string(),
  body: z.string().optional(),
  from: z.string().min(1).optional(),
  mediaUrls: z.array(z.string()).optional(),
  tenantId: z.string().min(1).max(128).optional(),
  idempotencyKey: z.string().min(1).max(255).optional(),
  correlationId: z.string().min(1).max(255).optional(),
  validityPeriodSeconds: z.number().int().min(1).max(36_000).optional(),
  sendAt: z.date().optional(),
  metadata: z.record(z.string().max(64), metadataValue).optional(),
});

/** How to fix each field, named in the error message. */
const fixes: Record<string, string> = {
  to: 'pass the destination as an E.164 string such as "+14155550100".',
  body: 'pass the text as a string.',
  from: 'pass an E.164 number, a short code or an alphanumeric sender id (1-11 characters), or omit it.',
  mediaUrls: 'pass an array of http(s) URL strings.',
  tenantId: 'pass a string of 1 to 128 characters, e.g. the organisation id.',
  idempotencyKey: 'pass a string of 1 to 255 characters, e.g. a UUID.',
  correlationId: 'pass a string of 1 to 255 characters, e.g. the request id.',
  validityPeriodSeconds: 'pass a whole number of seconds from 1 to 36000.',
  sendAt: 'pass a Date.',
  metadata: 'pass an object of at most 50 keys (up to 64 characters) with string, number, boolean or null values.',
};

/**
 * Checks a send request and returns it in canonical form (E.164 numbers, defaults applied). Throws a
 * `ValidationError` naming the field and the fix; no provider is called for a refused request.
 */
export function validateSendRequest(input: unknown, rules: SendRequestRules): ValidatedSendRequest {
  const parsed = sendRequestSchema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  const request = parsed.data;
  // By length first: a 100 MB body is refused in microseconds, before any scan of its characters.
  if (request.body !== undefined) checkBodyLength(request.body, rules.maxSegments);

  const { e164: to, country } = checkNumber(request.to, rules.phone, 'to');

  const body = request.body ?? '';
  const mediaUrls = request.mediaUrls ?? [];
  checkBodyCharacters(body);
  if (mediaUrls.length === 0 && isBlankBody(body)) {
    throw new ValidationError({
      field: 'body',
      reason: 'BODY_EMPTY',
      problem: 'is empty (or only whitespace and zero-width characters) and no media is attached; providers refuse such a message.',
      fix: 'pass the text to send, or mediaUrls for an MMS.',
    });
  }
  checkMediaUrls(mediaUrls, rules.maxMediaUrls);
  if (request.metadata !== undefined && Object.keys(request.metadata).length > 50) {
    throw new ValidationError({
      field: 'metadata',
      reason: 'METADATA_TOO_LARGE',
      problem: `has ${Object.keys(request.metadata).length} keys; at most 50 are kept.`,
      fix: fixes.metadata ?? '',
    });
  }

  return {
    to,
    country,
    from: request.from === undefined ? undefined : checkSender(request.from),
    body,
    mediaUrls,
    tenantId: request.tenantId,
    idempotencyKey: request.idempotencyKey,
    correlationId: request.correlationId,
    validityPeriodSeconds: request.validityPeriodSeconds,
    sendAt: request.sendAt,
    metadata: request.metadata ?? {},
  };
}

function checkNumber(input: string, policy: PhonePolicy, field: string) {
  const result = checkPhoneNumber(input, policy);
  if (!result.valid) throw new ValidationError({ field, reason: result.reason, problem: result.problem, fix: result.fix });
  return result;
}

function checkSender(from: string): string {
  if (from.startsWith('+')) return checkNumber(from, senderPolicy, 'from').e164;
  if (isSenderShape(from)) return from;
  throw new ValidationError({
    field: 'from',
    reason: 'INVALID_SENDER',
    problem: 'is neither an E.164 number, a short code (3-8 digits) nor an alphanumeric sender id.',
    fix: fixes.from ?? '',
  });
}

function checkMediaUrls(mediaUrls: readonly string[], maxMediaUrls: number): void {
  if (mediaUrls.length > maxMediaUrls) {
    throw new ValidationError({
      field: 'mediaUrls',
      reason: 'TOO_MANY_MEDIA_URLS',
      problem: `has ${mediaUrls.length} URLs; at most ${maxMediaUrls} can be attached.`,
      fix: `attach at most ${maxMediaUrls} media URLs per message, or send several messages.`,
    });
  }
  mediaUrls.forEach((value, index) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    const problem =
      url === undefined
        ? 'is not an absolute URL.'
        : url.protocol !== 'https:' && url.protocol !== 'http:'
          ? `uses ${url.protocol} but providers fetch media over http(s) only.`
          : url.username !== '' || url.password !== ''
            ? 'carries credentials, which would be sent to the provider and the recipient.'
            : undefined;
    if (problem !== undefined) {
      throw new ValidationError({
        field: `mediaUrls[${index}]`,
        reason: 'INVALID_MEDIA_URL',
        problem,
        fix: 'pass a public https:// URL the provider can fetch, such as https://example.com/image.jpg.',
      });
    }
  });
}

function toValidationError(error: z.ZodError): ValidationError {
  const issue = error.issues[0] as z.core.$ZodIssue;
  if (issue.code === 'unrecognized_keys') {
    return unknownOptionError({ keys: issue.keys, kind: 'send option', accepted: Object.keys(sendRequestSchema.shape) });
  }
  const field = issue.path.length === 0 ? 'request' : issue.path.map(String).join('.');
  const topField = String(issue.path[0] ?? 'request');
  return new ValidationError({
    field,
    reason: issue.path.length === 0 ? 'INVALID_REQUEST' : 'INVALID_FIELD',
    problem: `${issue.message}.`,
    fix: fixes[topField] ?? 'pass an object such as { to: "+14155550100", body: "Hello" }.',
  });
}
