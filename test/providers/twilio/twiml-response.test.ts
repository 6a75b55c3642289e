import { describe, expect, it } from 'vitest';
import { twimlResponse } from '../../../src/providers/twilio/twiml-response';

describe('twimlResponse', () => {
  it('answers an empty Response as XML without a reply', async () => {
    const response = twimlResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });

  it('carries a reply as an escaped Message', async () => {
    expect(await twimlResponse('Reply STOP to <opt out> & "quit" \'now\'').text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Reply STOP to &lt;opt out&gt; &amp; &quot;quit&quot; &apos;now&apos;</Message></Response>',
    );
    expect(await twimlResponse('').text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message></Message></Response>');
  });
});
