/**
 * AMQP topic matching, as RabbitMQ's topic exchange does it: words are separated by dots, `*` matches
 * exactly one word and `#` zero or more.
 *
 * @example
 * topicMatches('sms.*', 'sms.sent'); // true
 * topicMatches('sms.#', 'sms'); // true
 * topicMatches('sms.*', 'sms.status.delivered'); // false
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), 0, routingKey.split('.'), 0);
}

function matchWords(pattern: readonly string[], p: number, key: readonly string[], k: number): boolean {
  if (p === pattern.length) return k === key.length;
  const word = pattern[p];
  if (word === '#') {
    // `#` takes zero words, or one more and stays.
    for (let taken = k; taken <= key.length; taken += 1) if (matchWords(pattern, p + 1, key, taken)) return true;
    return false;
  }
  if (k === key.length) return false;
  return (word === '*' || word === key[k]) && matchWords(pattern, p + 1, key, k + 1);
}
