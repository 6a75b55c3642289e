import { describe, expect, it } from 'vitest';
import { formatPhoneAsYouType } from '../../src/composer/format-phone-as-you-type';
import { validatePhoneNumber } from '../../src/phone/validate-phone-number';

describe('formatPhoneAsYouType', () => {
  it('formats while typing and says the number is incomplete until it is', () => {
    const states = ['+1', '+1415', '+1415555', '+14155552671'].map((input) => formatPhoneAsYouType(input));
    expect(states.map((state) => [state.formatted, state.verdict])).toEqual([
      ['+1', 'incomplete'],
      ['+1 415', 'incomplete'],
      ['+1 415 555', 'incomplete'],
      ['+1 415 555 2671', 'valid'],
    ]);
    expect(states[3]).toMatchObject({ e164: '+14155552671', country: 'US' });
  });

  it('reads national input with a default country, giving the E.164 the server stores', () => {
    const state = formatPhoneAsYouType('020 7946 0958', { defaultCountry: 'GB' });
    expect(state).toMatchObject({ formatted: '020 7946 0958', e164: '+442079460958', verdict: 'valid', country: 'GB' });
    expect(validatePhoneNumber(state.e164)).toMatchObject({ valid: true, e164: state.e164 });
  });

  it('calls a number invalid when more typing cannot fix it', () => {
    expect(formatPhoneAsYouType('+141555526711').verdict).toBe('invalid');
    expect(formatPhoneAsYouType('+1 999 555 2671').verdict).toBe('invalid');
    expect(formatPhoneAsYouType('call me').verdict).toBe('invalid');
    expect(formatPhoneAsYouType('').verdict).toBe('incomplete');
  });

  it('agrees with the server on these numbers from several countries', () => {
    for (const number of ['+14155552671', '+447911123456', '+61412345678', '+4915123456789', '+33612345678', '+819012345678', '+5511912345678']) {
      expect(formatPhoneAsYouType(number).e164, number).toBe(validatePhoneNumber(number).valid ? number : null);
    }
  });
});
