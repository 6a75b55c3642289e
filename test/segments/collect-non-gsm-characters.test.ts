import { describe, expect, it } from 'vitest';
import { collectNonGsmCharacters } from '../../src/segments/collect-non-gsm-characters';

describe('collectNonGsmCharacters', () => {
  it('lists each distinct non-GSM code point once, in order of first appearance', () => {
    expect(collectNonGsmCharacters('ça ça 😀', 0)).toEqual(['ç', '😀']);
    expect(collectNonGsmCharacters('日本日本語', 0)).toEqual(['日', '本', '語']);
  });

  it('reports nothing for GSM-7 basic and extension characters', () => {
    expect(collectNonGsmCharacters('Hello @£$¥ èé Ç {}[]~\\|^€', 0)).toEqual([]);
  });

  it('starts scanning at `from`', () => {
    // 'ç' at index 0 is before `from`, so it is reported only where it appears again.
    expect(collectNonGsmCharacters('çab•ç', 1)).toEqual(['•', 'ç']);
    expect(collectNonGsmCharacters('çab•', 1)).toEqual(['•']);
    expect(collectNonGsmCharacters('日本', 2)).toEqual([]);
  });

  it('forgets the reports of the previous call', () => {
    expect(collectNonGsmCharacters('😀ç', 0)).toEqual(['😀', 'ç']);
    expect(collectNonGsmCharacters('ç😀ç😀', 0)).toEqual(['ç', '😀']);
    expect(collectNonGsmCharacters('ç😀ç😀', 0)).toEqual(['ç', '😀']);
  });

  it('keeps surrogate pairs whole, including outside the emoji block, and deduplicates them', () => {
    const bold = '\u{1d400}'; // MATHEMATICAL BOLD CAPITAL A, plane 1 outside U+1F000–U+1FFFF
    const cjkExtension = '\u{20000}'; // plane 2
    expect(collectNonGsmCharacters(`${bold}a${bold}${cjkExtension}${cjkExtension}👍👍`, 0)).toEqual([bold, cjkExtension, '👍']);
  });

  it('reports a lone surrogate as its own entry, apart from a pair that contains it', () => {
    const lead = '\ud83d';
    const trail = '\ude00';
    expect(collectNonGsmCharacters(`${lead}a${trail}b😀${lead}c${trail}`, 0)).toEqual([lead, trail, '😀']);
    // 😀 is the pair of exactly these two units, yet the lone units are still reported apart from it.
    expect(collectNonGsmCharacters(`😀${lead}a😀${trail}`, 0)).toEqual(['😀', lead, trail]);
    // A lead at the very end has no trail to pair with.
    expect(collectNonGsmCharacters(`ab${lead}`, 0)).toEqual([lead]);
  });

  it('still reports correctly after the call counter wraps', () => {
    for (let call = 0; call < 0x10000; call++) collectNonGsmCharacters('x', 0);
    expect(collectNonGsmCharacters('éç😀ç', 0)).toEqual(['ç', '😀']);
    expect(collectNonGsmCharacters('ab', 0)).toEqual([]);
  });
});
