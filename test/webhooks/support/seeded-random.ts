/** mulberry32: a tiny seeded PRNG, so a failing fuzz case replays from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<Item>(random: () => number, items: readonly Item[]): Item {
  return items[Math.floor(random() * items.length)] as Item;
}

const ALPHABET = ['a', 'Z', '0', ' ', '+', '&', '=', '%', '?', '/', ':', '#', "'", '"', 'é', 'ß', '😀', '\n', '\t', '中', '\u00a0', '\\', '<', '>'];

export function randomText(random: () => number, maxLength: number): string {
  const length = Math.floor(random() * (maxLength + 1));
  let text = '';
  for (let index = 0; index < length; index += 1) text += pick(random, ALPHABET);
  return text;
}
