import { describe, expect, it } from 'vitest';
import { refuseRemovedSendOptions } from '../../src/service/refuse-removed-send-options';

describe('refuseRemovedSendOptions', () => {
  it('accepts send(request) alone', () => {
    expect(() => refuseRemovedSendOptions(undefined)).not.toThrow();
  });

  it('refuses a second argument, pointing at captureResultEvent', () => {
    expect(() => refuseRemovedSendOptions({ onResultEvent: () => undefined })).toThrow(expect.objectContaining({ reason: 'INVALID_OPTION', field: 'options', message: expect.stringContaining('captureResultEvent(() => sms.send(request))') }));
    expect(() => refuseRemovedSendOptions({})).toThrow(/send\(\) takes one argument/);
  });
});
