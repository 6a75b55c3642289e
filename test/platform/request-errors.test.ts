import { describe, expect, it } from 'vitest';
import { smsSendRequestSchema } from '../../src/events/contracts/sms-send-request-schema';
import { invalidRequestError, requestExpiredError, workerFailureError } from '../../src/platform/request-errors';
import { envelope } from './support/platform-fixtures';

describe('invalidRequestError', () => {
  it('is INVALID_JSON for a body that did not parse', () => {
    expect(invalidRequestError(undefined, undefined)).toMatchObject({ field: 'body', reason: 'INVALID_JSON', code: 'VALIDATION_ERROR' });
  });

  it('names an unsupported schema version', () => {
    const message = { ...envelope(), schema_version: 2 };
    expect(invalidRequestError(smsSendRequestSchema.safeParse(message).error, message).message).toBe(
      'schema_version: 2 is not a version this worker reads (it reads 1). Fix: upgrade the worker, or publish schema_version 1; the message stays in the dead-letter queue for replay.',
    );
  });

  it('names the first wrong field by its path, counts the others, and never shows the value', () => {
    const message = { ...envelope(), ttl: 0, data: { to_number: '', body: 'secret body' } };
    const error = invalidRequestError(smsSendRequestSchema.safeParse(message).error, message);
    expect(error).toMatchObject({ reason: 'INVALID_REQUEST', field: 'ttl' });
    expect(error.message).toMatch(/\(and 1 more problem\) Fix: publish an envelope that matches smsSendRequestSchema/);
    expect(error.message).not.toContain('secret body');
    expect(invalidRequestError(smsSendRequestSchema.safeParse(message).error, message, (path) => `message.${path}`).field).toBe('message.ttl');
  });

  it('names the request itself for a non-object', () => {
    expect(invalidRequestError(smsSendRequestSchema.safeParse('x').error, 'x').field).toBe('request');
  });
});

describe('requestExpiredError', () => {
  it('is a not-sent, not-retryable TIMEOUT naming the ttl and the deadline', () => {
    expect(requestExpiredError({ ttlSeconds: 60, deadline: Date.parse('2026-01-01T00:01:00Z') })).toMatchObject({
      code: 'TIMEOUT',
      reason: 'REQUEST_EXPIRED',
      retryable: false,
      outcomeUnknown: false,
      fault: 'request',
      message: expect.stringMatching(/^The request expired before it could be sent: its ttl of 60 s ended at 2026-01-01T00:01:00\.000Z\. Nothing was sent\./) as unknown,
    });
  });
});

describe('workerFailureError', () => {
  it('is an outcome-unknown WORKER_ERROR naming the attempts and the cause', () => {
    const cause = new TypeError('boom');
    expect(workerFailureError(cause, 4)).toMatchObject({
      reason: 'WORKER_ERROR',
      outcomeUnknown: true,
      retryable: false,
      cause,
      message: 'The worker could not process the request in 4 attempts: boom. It is in the dead-letter queue; the message may have been sent, so check before replaying it.',
    });
    expect(workerFailureError('x', 1).message).toMatch(/^The worker could not process the request in 1 attempts\. It is/);
  });
});
