import { describe, expect, it } from 'vitest';
import { plivoAddress, plivoParam, readPlivoForm } from '../../../src/providers/plivo/read-plivo-form';

describe('readPlivoForm', () => {
  it('decodes each name once, a repeated name as a list', () => {
    expect(readPlivoForm('Text=Hi+there&From=14155550100&Media=a&Media=b')).toEqual({ Text: 'Hi there', From: '14155550100', Media: ['a', 'b'] });
  });

  it('has no prototype', () => {
    const params = readPlivoForm('__proto__=x');
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(params.__proto__).toBe('x');
  });
});

describe('plivoParam', () => {
  it('returns the value or the first of a list, never an inherited property', () => {
    const params = readPlivoForm('A=1&B=2&B=3');
    expect(plivoParam(params, 'A')).toBe('1');
    expect(plivoParam(params, 'B')).toBe('2');
    expect(plivoParam(params, 'C')).toBeUndefined();
    expect(plivoParam({ A: '1' }, 'hasOwnProperty')).toBeUndefined();
  });
});

describe('plivoAddress', () => {
  it('adds the + to 9 to 15 digits, keeps short codes and alphanumeric senders', () => {
    expect(plivoAddress('14155550100')).toBe('+14155550100');
    expect(plivoAddress('123456789')).toBe('+123456789');
    expect(plivoAddress('123456789012345')).toBe('+123456789012345');
    expect(plivoAddress('1234567890123456')).toBe('1234567890123456');
    expect(plivoAddress('12345678')).toBe('12345678');
    expect(plivoAddress('Ocelot')).toBe('Ocelot');
    expect(plivoAddress('+14155550100')).toBe('+14155550100');
  });

  it('returns undefined for missing, empty or overlong values', () => {
    expect(plivoAddress(undefined)).toBeUndefined();
    expect(plivoAddress('')).toBeUndefined();
    expect(plivoAddress('a'.repeat(257))).toBeUndefined();
  });
});
