import type { OptOutAction } from '../messages/opt-out-action';
import { OPT_OUT_KEYWORDS, type OptOutKeyword } from './opt-out-keywords';

export interface OptOutKeywordMatch {
  readonly action: OptOutAction;
  /** The keyword as listed in `OPT_OUT_KEYWORDS`, e.g. `STOP`. */
  readonly keyword: OptOutKeyword;
}

/** Longer replies are sentences, never a keyword; skipping them keeps the work per message tiny. */
const MAX_KEYWORD_REPLY_LENGTH = 64;

/**
 * Reads a reply as an opt-out keyword. The whole message must be the keyword, ignoring case,
 * whitespace and punctuation, after Unicode NFKC folding: `' Stop. '`, `'stop all'`, `'OPT-OUT'` and a
 * full-width `'ＳＴＯＰ'` match; `'please stop'` and `'don't stop'` do not, as carriers and Twilio match
 * whole-message keywords only.
 *
 * @example
 * classifyOptOutKeyword(' stop '); // { action: 'opt-out', keyword: 'STOP' }
 * classifyOptOutKeyword('Unstop'); // { action: 'opt-in', keyword: 'UNSTOP' }
 * classifyOptOutKeyword('Please stop texting me'); // null
 */
export function classifyOptOutKeyword(body: string): OptOutKeywordMatch | null {
  if (typeof body !== 'string' || body.length === 0 || body.length > MAX_KEYWORD_REPLY_LENGTH) return null;
  const folded = body
    .normalize('NFKC')
    .replace(/[\s\p{Z}\p{P}\p{Cf}]/gu, '')
    .toUpperCase();
  return Object.hasOwn(OPT_OUT_KEYWORDS, folded) ? { action: OPT_OUT_KEYWORDS[folded as OptOutKeyword], keyword: folded as OptOutKeyword } : null;
}
