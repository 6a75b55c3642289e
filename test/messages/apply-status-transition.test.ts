import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES, type MessageStatus } from '../../src/messages/message-status';
import { applyStatusTransition, STATUS_RANK } from '../../src/messages/apply-status-transition';

describe('applyStatusTransition', () => {
  // The whole table, written out: rows are the stored status, columns the callback's.
  const columns: MessageStatus[] = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received', 'unknown'];
  const table: Record<MessageStatus, string> = {
    //            queued    sending   sent      delivered undeliv.  failed    received  unknown
    unknown: '    advance   advance   advance   advance   advance   advance   ignore    ignore',
    queued: '     same      advance   advance   advance   advance   advance   ignore    ignore',
    sending: '    stale     same      advance   advance   advance   advance   ignore    ignore',
    sent: '       stale     stale     same      advance   advance   advance   ignore    ignore',
    undelivered: 'stale     stale     stale     advance   same      stale     ignore    ignore',
    failed: '     stale     stale     stale     advance   stale     same      ignore    ignore',
    delivered: '  stale     stale     stale     same      stale     stale     ignore    ignore',
    received: '   ignore    ignore    ignore    ignore    ignore    ignore    ignore    ignore',
  };

  it('covers every status', () => {
    expect(Object.keys(table).sort()).toEqual([...MESSAGE_STATUSES].sort());
    expect(Object.keys(STATUS_RANK).sort()).toEqual([...MESSAGE_STATUSES].sort());
  });

  for (const [current, row] of Object.entries(table) as [MessageStatus, string][]) {
    const expected = row.trim().split(/\s+/);
    it(`from ${current}: ${expected.join(' ')}`, () => {
      expect(columns.map((incoming) => applyStatusTransition(current, incoming))).toEqual(expected);
    });
  }

  it('never leaves delivered, whatever arrives in whatever order', () => {
    const orders: MessageStatus[][] = [
      ['queued', 'sent', 'delivered', 'sent', 'queued', 'failed', 'undelivered'],
      ['delivered', 'queued', 'sending', 'sent'],
      ['failed', 'delivered', 'undelivered'],
    ];
    for (const order of orders) {
      let status: MessageStatus = 'unknown';
      for (const incoming of order) if (applyStatusTransition(status, incoming) === 'advance') status = incoming;
      expect(status).toBe('delivered');
    }
  });
});
