// Opt-outs: the keyword table, the store port and its in-memory default. Re-exported by the root entry.
export type { OptOutAction } from '../messages/opt-out-action';
export { OPT_OUT_KEYWORDS, type OptOutKeyword } from './opt-out-keywords';
export { classifyOptOutKeyword, type OptOutKeywordMatch } from './classify-opt-out-keyword';
export { ANY_SENDER, type OptOutStore, type OptOutEntry, type OptOutPair, type OptOutQuery } from './opt-out-store';
export { createInMemoryOptOutStore, type InMemoryOptOutStore } from './in-memory-opt-out-store';
export { findOptOutError } from './find-opt-out-error';
