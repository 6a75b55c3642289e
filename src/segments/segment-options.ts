/** Options of `calculateSegments` and of the service's `segments` (docs/segments-and-cost.md). */
export interface CalculateSegmentsOptions {
  /** Emulate Twilio Smart Encoding (docs/segments-and-cost.md#twilio-smart-encoding-map). Default `false`. */
  smartEncoding?: boolean;
  /**
   * `'all-or-nothing'` (default, Twilio's documented behaviour): use the replaced text only if all of it
   * becomes GSM-7. `'always'`: use it even if it stays UCS-2 (Twilio's calculator, Telnyx).
   */
  smartEncodingMode?: 'all-or-nothing' | 'always';
  /**
   * `'grapheme'` (default, Twilio calculator): a UCS-2 grapheme cluster of up to one part's capacity is
   * never split across parts. `'codepoint'`: only surrogate pairs are kept whole (3GPP minimum).
   */
  clusterPolicy?: 'grapheme' | 'codepoint';
  /** Concatenation header size: 6 octets (8-bit reference, Twilio) or 7 (16-bit reference). Default 6. */
  udhOctets?: 6 | 7;
}
