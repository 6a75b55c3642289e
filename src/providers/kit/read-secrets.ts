import { optionError } from '../../options/option-error';

/**
 * Normalises configured secrets to a list. `undefined` and `''` mean "none configured" (an unset
 * environment variable), which verification refuses: fail closed. A secret with surrounding whitespace
 * is refused outright: it is the usual copy-paste mistake and would fail every request (Stripe warns
 * about the same, https://github.com/stripe/stripe-node).
 */
export function readSecrets(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (list === undefined) throw optionError(field, 'is neither a string nor a list of strings.', 'pass the secret, or a list of them during a rotation.');
  return list.map((secret, index) => {
    const name = typeof value === 'string' ? field : `${field}[${index}]`;
    if (typeof secret !== 'string' || secret === '') throw optionError(name, 'is empty or not a string.', 'remove it from the list, or set it.');
    if (secret.trim() !== secret) throw optionError(name, 'has whitespace around it.', 'trim it (a copy-paste from the console often brings a newline).');
    return secret;
  });
}

