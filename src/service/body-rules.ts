import { ValidationError } from '../errors/validation-error';

/**
 * Characters refused in a body (docs/sending.md#the-request): NUL and the C0/C1 controls other than TAB,
 * LF, CR and FF (FF is a GSM-7 extension character), DEL, and the bidirectional overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, which can make a message display differently from what it says.
 */
const forbiddenCharacter = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Refuses bodies no provider should receive. Says where the offending character is, never what the
 * body says.
 *
 * @example
 * checkBodyCharacters('Hello\u0000'); // throws ValidationError: body: contains U+0000 at index 5 …
 */
export function checkBodyCharacters(body: string): void {
  const match = forbiddenCharacter.exec(body);
  if (match !== null) {
    const codePoint = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ValidationError({
      field: 'body',
      reason: 'FORBIDDEN_CHARACTER',
      problem: `contains the control or bidi-override character ${codePoint} at index ${match.index}.`,
      fix: 'remove control characters (only TAB, LF, CR and FF are allowed) and bidi overrides from the text.',
    });
  }
  if (!body.isWellFormed()) {
    const index = findLoneSurrogate(body);
    throw new ValidationError({
      field: 'body',
      reason: 'LONE_SURROGATE',
      problem: `contains a lone UTF-16 surrogate at index ${index} (a broken emoji or a string cut in half).`,
      fix: 'pass well-formed Unicode text, e.g. with body.toWellFormed() or by not slicing inside an emoji.',
    });
  }
}

function findLoneSurrogate(body: string): number {
  for (let index = 0; index < body.length; index += 1) {
    const unit = body.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = body.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
      else return index;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return index;
    }
  }
  return -1;
}

/** The most characters one segment holds in any encoding: 160 GSM-7 septets in a single-part message. */
const MAX_CHARACTERS_PER_SEGMENT = 160;

/**
 * Refuses a body longer than `maxSegments` segments could hold in any encoding, by its length alone:
 * every character takes at least one GSM-7 septet (UCS-2: two octets), and no segment holds more than
 * 160 septets (docs/segments-and-cost.md). Smart Encoding may later drop zero-width characters, but they
 * count here, as they do in Twilio's 1600-character body limit (https://www.twilio.com/docs/api/errors/21617).
 */
export function checkBodyLength(body: string, maxSegments: number): void {
  const limit = maxSegments * MAX_CHARACTERS_PER_SEGMENT;
  if (body.length <= limit) return;
  throw new ValidationError({
    field: 'body',
    reason: 'BODY_TOO_LONG',
    problem: `has ${body.length} UTF-16 code units; ${maxSegments} segments (maxSegments) hold at most ${limit} characters.`,
    fix: 'shorten the text (GSM-7 fits 153 characters per segment of a long message, UCS-2 67), or raise maxSegments.',
  });
}

/**
 * Whitespace and characters that show nothing: zero-width space, non-joiner and joiner, word joiner,
 * byte-order mark, soft hyphen and the Mongolian vowel separator (Unicode Default_Ignorable_Code_Point).
 */
const blank = /^[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]*$/;

/** True when the body shows nothing to the recipient: empty, whitespace or zero-width characters only. */
export function isBlankBody(body: string): boolean {
  return blank.test(body);
}
