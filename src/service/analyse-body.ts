import { ValidationError } from '../errors/validation-error';
import { calculateSegments, type CalculateSegmentsOptions, type SegmentCalculation } from '../segments/calculate-segments';

export interface BodyRules {
  readonly segments: CalculateSegmentsOptions | undefined;
  readonly maxSegments: number;
}

/**
 * Counts the body's encoding and segments once, and refuses it above `maxSegments` with the fix that
 * applies to its encoding (docs/segments-and-cost.md).
 *
 * @example
 * analyseBody('Hi', { segments: undefined, maxSegments: 10 }).segments; // 1
 */
export function analyseBody(body: string, rules: BodyRules): SegmentCalculation {
  const analysis = calculateSegments(body, rules.segments);
  if (analysis.segments <= rules.maxSegments) return analysis;
  throw new ValidationError({
    field: 'body',
    reason: 'BODY_TOO_LONG',
    problem: `is ${analysis.segments} segments (${analysis.encoding}, ${analysis.units} units); the limit is ${rules.maxSegments}.`,
    fix:
      analysis.encoding === 'UCS-2'
        ? `shorten the text (UCS-2 fits 67 units per segment; removing emoji and non-GSM characters such as ${analysis.nonGsmCharacters.slice(0, 3).join(' ')} may switch it to GSM-7), or raise maxSegments.`
        : 'shorten the text (GSM-7 fits 153 characters per segment), or raise maxSegments.',
  });
}
