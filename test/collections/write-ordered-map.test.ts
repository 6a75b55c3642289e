import { describe, expect, it } from 'vitest';
import { WriteOrderedMap } from '../../src/collections/write-ordered-map';

/** The reference: a plain Map, whose first entry is the oldest write (re-writes delete then set). */
function referenceOldest(reference: Map<number, number>): readonly [number, number] | undefined {
  const first = reference.entries().next();
  return first.done === true ? undefined : first.value;
}

describe('WriteOrderedMap', () => {
  it('gives the oldest write; a re-write of a key makes it the newest', () => {
    const map = new WriteOrderedMap<string, number>();
    expect(map.oldest()).toBeUndefined();
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.oldest()).toEqual(['a', 1]);
    map.set('a', 4);
    expect(map.oldest()).toEqual(['b', 2]);
    map.delete('b');
    expect(map.oldest()).toEqual(['c', 3]);
    map.delete('c');
    expect(map.oldest()).toEqual(['a', 4]);
    expect(map.size).toBe(1);
    expect(map.get('a')).toBe(4);
  });

  it('finds entries written after it was emptied, and a re-write of the same value object still moves it', () => {
    const map = new WriteOrderedMap<string, object>();
    const value = {};
    map.set('a', value);
    map.delete('a');
    expect(map.oldest()).toBeUndefined();
    map.set('b', value);
    map.set('c', {});
    expect(map.oldest()?.[0]).toBe('b');
    map.set('b', value);
    expect(map.oldest()?.[0]).toBe('c');
  });

  it('agrees with a plain Map over 20 000 random writes, deletes and evictions', () => {
    const map = new WriteOrderedMap<number, number>();
    const reference = new Map<number, number>();
    let seed = 42;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let step = 0; step < 20_000; step += 1) {
      const key = random(500);
      const action = random(10);
      if (action < 6) {
        map.set(key, step);
        reference.delete(key);
        reference.set(key, step);
      } else if (action < 8) {
        expect(map.delete(key)).toBe(reference.delete(key));
      } else {
        const oldest = referenceOldest(reference);
        expect(map.oldest()).toEqual(oldest);
        if (oldest !== undefined && action === 9) {
          map.delete(oldest[0]);
          reference.delete(oldest[0]);
        }
      }
      expect(map.size).toBe(reference.size);
    }
  });
});
