import { describe, expect, it } from 'vitest';
import { firstParam, parseFormParams } from '../../../src/providers/kit/parse-form-params';

describe('parseFormParams', () => {
  it('decodes each name once, a repeated name as the list of its values in order', () => {
    expect(parseFormParams('Body=Hi+there&MediaUrl=a&MediaUrl=b&MediaUrl=c&To=%2B14155550100')).toEqual({
      Body: 'Hi there',
      MediaUrl: ['a', 'b', 'c'],
      To: '+14155550100',
    });
    expect(parseFormParams('')).toEqual({});
    expect(parseFormParams('Empty=&Flag')).toEqual({ Empty: '', Flag: '' });
  });

  it('has no prototype, so __proto__ and constructor are plain parameters', () => {
    const params = parseFormParams('__proto__=x&constructor=y&toString=z');
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(params.__proto__).toBe('x');
    expect(params.constructor).toBe('y');
    expect(params.toString).toBe('z');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('firstParam', () => {
  it('returns the value, the first of a list, or undefined', () => {
    const params = parseFormParams('Body=Hi&MediaUrl=a&MediaUrl=b');
    expect(firstParam(params, 'Body')).toBe('Hi');
    expect(firstParam(params, 'MediaUrl')).toBe('a');
    expect(firstParam(params, 'Missing')).toBeUndefined();
  });

  it('ignores inherited properties of ordinary objects', () => {
    expect(firstParam({ Body: 'x' }, 'toString')).toBeUndefined();
    expect(firstParam({ List: [] }, 'List')).toBeUndefined();
  });
});
