import { describe, expect, it } from 'vitest';
import { classifyConnectFailure } from '../../../src/adapters/rabbitmq/classify-connect-failure';

const SAFE_URL = 'amqp://guest:•••@127.0.0.1:5672';

describe('classifyConnectFailure', () => {
  it('calls a refused login BUS_ACCESS_REFUSED, not retryable, without the password', () => {
    const cause = new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."');
    const error = classifyConnectFailure(cause, SAFE_URL, '/');
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'BUS_ACCESS_REFUSED', retryable: false, provider: 'rabbitmq', fault: 'provider' });
    expect(error?.message).toBe(
      'RabbitMQ at amqp://guest:•••@127.0.0.1:5672 refused the login (ACCESS_REFUSED): the user name or password in the URL is wrong. Fix: correct the credentials of the amqp:// URL.',
    );
    expect(error?.cause).toBe(cause);
    expect(classifyConnectFailure(new Error('ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN'), SAFE_URL, '/')?.reason).toBe('BUS_ACCESS_REFUSED');
    expect(classifyConnectFailure(new Error('403 ACCESS_REFUSED'), SAFE_URL, '/')?.reason).toBe('BUS_ACCESS_REFUSED');
  });

  it('calls a refused virtual host BUS_VHOST_REFUSED, naming it', () => {
    const error = classifyConnectFailure(new Error('Expected ConnectionOpenOk; got <ConnectionClose channel:0>'), SAFE_URL, 'tenant-a');
    expect(error).toMatchObject({ reason: 'BUS_VHOST_REFUSED', retryable: false });
    expect(error?.message).toContain('refused the virtual host "tenant-a": it does not exist or the user may not use it.');
  });

  it('leaves failures worth retrying unclassified', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5672'), { code: 'ECONNREFUSED' }),
      new Error('Socket closed abruptly during opening handshake'),
      new Error('got <ConnectionClose> Expected ConnectionOpenOk'),
      'ACCESS_REFUSED - Login was refused',
      undefined,
    ]) {
      expect(classifyConnectFailure(error, SAFE_URL, '/')).toBeUndefined();
    }
  });
});
