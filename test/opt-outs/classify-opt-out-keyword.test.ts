import { describe, expect, it } from 'vitest';
import { classifyOptOutKeyword } from '../../src/opt-outs/classify-opt-out-keyword';
import { OPT_OUT_KEYWORDS } from '../../src/opt-outs/opt-out-keywords';

describe('the opt-out keyword table', () => {
  it('lists the issue’s keywords and nothing else', () => {
    expect(OPT_OUT_KEYWORDS).toEqual({
      STOP: 'opt-out',
      STOPALL: 'opt-out',
      UNSUBSCRIBE: 'opt-out',
      CANCEL: 'opt-out',
      END: 'opt-out',
      QUIT: 'opt-out',
      REVOKE: 'opt-out',
      OPTOUT: 'opt-out',
      START: 'opt-in',
      UNSTOP: 'opt-in',
      YES: 'opt-in',
      HELP: 'help',
      INFO: 'help',
    });
  });

  it.each(Object.entries(OPT_OUT_KEYWORDS))('%s → %s, in any case and surrounded by whitespace', (keyword, action) => {
    for (const reply of [keyword, keyword.toLowerCase(), ` ${keyword[0]}${keyword.slice(1).toLowerCase()}\n`, `\t${keyword}.`, `${keyword}!`]) {
      expect(classifyOptOutKeyword(reply)).toEqual({ action, keyword });
    }
  });

  it.each([
    ['stop all', 'STOPALL', 'opt-out'],
    ['Opt-Out', 'OPTOUT', 'opt-out'],
    ['opt out', 'OPTOUT', 'opt-out'],
    ['ＳＴＯＰ', 'STOP', 'opt-out'],
    ['s\u00a0t\u200bo p', 'STOP', 'opt-out'],
    ['un-stop', 'UNSTOP', 'opt-in'],
  ])('folds %j to %s', (reply, keyword, action) => {
    expect(classifyOptOutKeyword(reply)).toEqual({ action, keyword });
  });

  it.each(['please stop', "don't stop", 'stopping', 'STOP2', 'Yes please', 'the end', '', ' ', '🛑', 'stop'.padEnd(80, '.') + 'x'])('%j is not a keyword', (reply) => {
    expect(classifyOptOutKeyword(reply)).toBeNull();
  });
});
