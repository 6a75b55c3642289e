// @ocelot-platform/tools-core/composer: browser-safe, no Node built-ins (docs/composer.md).
export { DEFAULT_MAX_CHARACTERS, summarizeComposition, type CompositionOptions, type CompositionSummary } from './summarize-composition';
export { formatPhoneAsYouType, type PhoneInputOptions, type PhoneInputState } from './format-phone-as-you-type';
export type { Money } from '../segments/money';
export type { SmsEncoding } from '../segments/calculate-segments';
