import { describe, expect, it } from 'vitest';
import { createReconcileTally, summarizeReconcile } from '../../src/reconcile/reconcile-summary';

describe('createReconcileTally', () => {
  it('starts every count at zero and every list empty', () => {
    expect(createReconcileTally()).toEqual({ checked: 0, settled: {}, notSent: 0, resent: 0, unchanged: 0, stillUnknown: 0, ambiguousIds: [], unsupported: 0, errors: [] });
  });

  it('gives a fresh tally each time', () => {
    const first = createReconcileTally();
    first.ambiguousIds.push('a');
    first.settled.delivered = 1;
    expect(createReconcileTally()).toMatchObject({ ambiguousIds: [], settled: {} });
  });
});

describe('summarizeReconcile', () => {
  it('summarizes an empty tally, with ran as given', () => {
    expect(summarizeReconcile(createReconcileTally(), true)).toEqual({ ran: true, checked: 0, settled: {}, notSent: 0, resent: 0, unchanged: 0, stillUnknown: 0, ambiguous: 0, ambiguousIds: [], unsupported: 0, errors: [] });
    expect(summarizeReconcile(createReconcileTally(), false).ran).toBe(false);
  });

  it('copies every count and counts the ambiguous ids', () => {
    const tally = createReconcileTally();
    Object.assign(tally, { checked: 9, notSent: 2, resent: 1, unchanged: 1, stillUnknown: 1, unsupported: 1 });
    tally.settled.delivered = 2;
    tally.ambiguousIds.push('m-1', 'm-2');
    tally.errors.push({ messageId: 'm-3', message: 'Too many requests' });
    expect(summarizeReconcile(tally, true)).toEqual({
      ran: true,
      checked: 9,
      settled: { delivered: 2 },
      notSent: 2,
      resent: 1,
      unchanged: 1,
      stillUnknown: 1,
      ambiguous: 2,
      ambiguousIds: ['m-1', 'm-2'],
      unsupported: 1,
      errors: [{ messageId: 'm-3', message: 'Too many requests' }],
    });
  });

  it('returns copies: a later change to the tally does not reach a summary already made', () => {
    const tally = createReconcileTally();
    tally.settled.sent = 1;
    const summary = summarizeReconcile(tally, true);
    tally.settled.sent = 5;
    tally.ambiguousIds.push('late');
    tally.errors.push({ messageId: 'late', message: 'late' });
    expect(summary).toMatchObject({ settled: { sent: 1 }, ambiguous: 0, ambiguousIds: [], errors: [] });
  });
});
