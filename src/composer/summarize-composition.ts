import { calculateSegments, type SmsEncoding } from '../segments/calculate-segments';
import { decimalToMicros, money, type Money } from '../segments/money';
import type { CalculateSegmentsOptions } from '../segments/segment-options';
import { ValidationError } from '../errors/validation-error';

/** Carriers and Twilio cap an SMS body at 1,600 characters (https://www.twilio.com/docs/glossary/what-sms-character-limit). */
export const DEFAULT_MAX_CHARACTERS = 1_600;

export interface CompositionOptions {
  /** The body cap the counter shows; default 1600. */
  readonly maxCharacters?: number;
  /** The price of one segment (`{ amount: '0.0079', currency: 'USD' }`), to show what the message costs. */
  readonly pricePerSegment?: { readonly amount: string; readonly currency: string };
  /** The same segment options the server's `SMSService` uses (`segments`), so the counts agree. */
  readonly segments?: CalculateSegmentsOptions;
}

/** What a character counter under a message box shows. */
export interface CompositionSummary {
  readonly encoding: SmsEncoding;
  readonly segments: number;
  /** Characters as the encoding counts them (an extension character such as `€` is 2 in GSM-7). */
  readonly units: number;
  readonly unitsPerSegment: number;
  /** Characters left before the next segment starts. */
  readonly remainingInSegment: number;
  /** The characters that force UCS-2 (each once, in order): replacing them makes the message GSM-7. */
  readonly nonGsmCharacters: readonly string[];
  /** Characters (Unicode code points) and the cap; `overLimit` when the body is longer. */
  readonly characters: number;
  readonly maxCharacters: number;
  readonly overLimit: boolean;
  /** The body is sent, and billed, as more than one message. */
  readonly multiSegment: boolean;
  /** Sentences for the UI, most important first; empty when nothing needs saying. */
  readonly warnings: readonly string[];
  /** `pricePerSegment` × segments, exact; null without a price. */
  readonly cost: Money | null;
}

/**
 * The counter of a message composer, with the exact segment rules of a send (docs/composer.md): encoding,
 * segments, characters left in the segment, the characters forcing UCS-2, the multi-segment warning, the
 * 1600-character cap and, given a price, the cost. Pure and browser-safe.
 *
 * @example
 * summarizeComposition('Hello 😀').encoding; // 'UCS-2'
 */
export function summarizeComposition(text: string, options: CompositionOptions = {}): CompositionSummary {
  const maxCharacters = options.maxCharacters ?? DEFAULT_MAX_CHARACTERS;
  if (!Number.isSafeInteger(maxCharacters) || maxCharacters < 1) {
    throw new ValidationError({ field: 'maxCharacters', reason: 'INVALID_OPTION', problem: `${String(maxCharacters)} is not a whole number above 0.`, fix: 'leave it at 1600, or pass your provider’s cap.' });
  }
  const calculation = calculateSegments(text, options.segments);
  const characters = [...text].length;
  const overLimit = characters > maxCharacters;
  const multiSegment = calculation.segments > 1;
  const warnings: string[] = [];
  if (overLimit) warnings.push(`The message is ${characters - maxCharacters} characters over the ${maxCharacters}-character limit.`);
  if (multiSegment) warnings.push(`The message will be sent as ${calculation.segments} segments, billed as ${calculation.segments} messages.`);
  if (calculation.nonGsmCharacters.length > 0) {
    warnings.push(`${calculation.nonGsmCharacters.join(' ')} ${calculation.nonGsmCharacters.length === 1 ? 'makes' : 'make'} this a Unicode message: ${calculation.unitsPerSegment} characters per segment instead of ${calculation.segments > 1 ? 153 : 160}.`);
  }
  const price = options.pricePerSegment;
  return {
    encoding: calculation.encoding,
    segments: calculation.segments,
    units: calculation.units,
    unitsPerSegment: calculation.unitsPerSegment,
    remainingInSegment: calculation.remainingInLastSegment,
    nonGsmCharacters: calculation.nonGsmCharacters,
    characters,
    maxCharacters,
    overLimit,
    multiSegment,
    warnings,
    cost: price === undefined ? null : money(decimalToMicros(price.amount, 'pricePerSegment.amount') * calculation.segments, price.currency),
  };
}
