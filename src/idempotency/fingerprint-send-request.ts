import { sha256 } from '../hashing/sha256';

/** The parts of a validated request that decide what the recipient gets. */
export interface FingerprintedRequest {
  readonly to: string;
  readonly from: string | undefined;
  readonly body: string;
  readonly mediaUrls: readonly string[];
  readonly sendAt: Date | undefined;
}

/**
 * sha256 (hex) of a canonical encoding of what a send delivers: destination, sender, body, media (in
 * order) and schedule, read after validation so `+1 415 555 2671` and `+14155552671` match (the
 * `sha256(to|from|body|media)` of docs/reliability.md#idempotency-model). A JSON array has one encoding, so no
 * field can bleed into the next. The same key with another fingerprint is an idempotency conflict
 * (docs/reliability.md#idempotency-model: IETF draft, 422). Metadata and correlation id are left out: a client may change
 * them when it retries. So is the validity period: it is how long the provider may keep trying, and a
 * redelivered request rightly passes what is left of its ttl (docs/platform-mode.md#ttl).
 *
 * @example
 * fingerprintSendRequest({ to: '+14155552671', from: undefined, body: 'Hi', mediaUrls: [], sendAt: undefined }); // '3b6a…'
 */
export function fingerprintSendRequest(request: FingerprintedRequest): string {
  const canonical = JSON.stringify([
    'sms.send/v1',
    request.to,
    request.from ?? null,
    request.body,
    request.mediaUrls,
    request.sendAt === undefined ? null : request.sendAt.toISOString(),
  ]);
  return sha256(canonical, 'hex');
}
