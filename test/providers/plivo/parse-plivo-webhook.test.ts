import { describe, expect, it } from 'vitest';
import { parsePlivoWebhook } from '../../../src/providers/plivo';
import { MESSAGE_UUID } from './support/plivo-fixtures';

const inbound = { MessageUUID: MESSAGE_UUID, From: '14155552671', To: '14155550199', Type: 'sms', Text: 'Hello there', Units: '1', TotalRate: '0', TotalAmount: '0', MessageIntent: '' };

describe('parsePlivoWebhook', () => {
  it('reads an inbound SMS, numbers in E.164', () => {
    expect(parsePlivoWebhook(inbound)).toEqual({
      kind: 'inbound',
      dedupeKey: `inbound:${MESSAGE_UUID}`,
      providerMessageId: MESSAGE_UUID,
      from: '+14155552671',
      to: '+14155550199',
      body: 'Hello there',
      media: [],
      receivedAt: null,
      providerOptOut: null,
    });
  });

  it('reads an inbound MMS: Body and Media<n> in order, from 0 or 1', () => {
    const parsed = parsePlivoWebhook({ ...inbound, Text: undefined as unknown as string, Type: 'mms', Body: 'look', MediaCount: '2', Media1: 'https://media.plivo.com/a', Media2: 'https://media.plivo.com/b' });
    expect(parsed).toMatchObject({ kind: 'inbound', body: 'look', media: [{ url: 'https://media.plivo.com/a', contentType: null }, { url: 'https://media.plivo.com/b', contentType: null }] });
    const zeroBased = parsePlivoWebhook({ MessageUUID: MESSAGE_UUID, From: '14155552671', To: '14155550199', Media0: 'https://media.plivo.com/z' });
    expect(zeroBased).toMatchObject({ kind: 'inbound', body: '', media: [{ url: 'https://media.plivo.com/z' }] });
  });

  it("takes Plivo's MessageIntent as the provider's opt-out classification", () => {
    expect(parsePlivoWebhook({ ...inbound, Text: 'stop ', MessageIntent: 'optout' })).toMatchObject({ providerOptOut: { action: 'opt-out', keyword: 'STOP' } });
    expect(parsePlivoWebhook({ ...inbound, Text: 'UNSTOP', MessageIntent: 'optin' })).toMatchObject({ providerOptOut: { action: 'opt-in', keyword: 'UNSTOP' } });
    expect(parsePlivoWebhook({ ...inbound, Text: 'Help', MessageIntent: 'help' })).toMatchObject({ providerOptOut: { action: 'help', keyword: 'HELP' } });
  });

  it('reads a status callback with its error code classified', () => {
    const parsed = parsePlivoWebhook({ MessageUUID: MESSAGE_UUID, Status: 'undelivered', ErrorCode: '200', From: '14155550199', To: '14155552671', Units: '1' });
    expect(parsed).toMatchObject({
      kind: 'status',
      dedupeKey: `status:${MESSAGE_UUID}:undelivered:200`,
      status: 'undelivered',
      providerStatus: 'undelivered',
      errorCode: '200',
      error: { reason: 'OPTED_OUT', fault: 'request' },
      from: '+14155550199',
      to: '+14155552671',
    });
    expect(parsePlivoWebhook({ MessageUUID: MESSAGE_UUID, Status: 'sent', ErrorCode: '' })).toMatchObject({ errorCode: null, error: null, from: null });
  });

  it('keeps short codes and alphanumeric senders as they are', () => {
    expect(parsePlivoWebhook({ MessageUUID: MESSAGE_UUID, Status: 'sent', From: 'Ocelot', To: '12345' })).toMatchObject({ from: 'Ocelot', to: '12345' });
  });

  it.each([
    [{ Status: 'sent' }, 'MessageUUID is missing'],
    [{ MessageUUID: 'not a uuid!', Status: 'sent' }, 'MessageUUID is missing or malformed'],
    [{ MessageUUID: MESSAGE_UUID }, 'neither a Status nor a Text'],
    [{ MessageUUID: MESSAGE_UUID, Text: 'hi' }, 'needs From and To'],
    [{ MessageUUID: MESSAGE_UUID, Status: '' }, 'Status is empty'],
    [{ MessageUUID: MESSAGE_UUID, Status: 'failed', ErrorCode: '9'.repeat(40) }, 'ErrorCode is too long'],
  ])('reports %j as malformed', (params, problem) => {
    const parsed = parsePlivoWebhook(params);
    expect(parsed.kind).toBe('malformed');
    expect(parsed.kind === 'malformed' && parsed.problem).toContain(problem);
  });
});
