import { optionError } from '../../options/option-error';

/** Refuses a non-object or an unknown key in one vendor's webhook options, naming `field.<key>`. */
export function checkWebhookOptionKeys(options: unknown, field: string, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null) throw optionError(field, 'is not an object.', 'pass an object of settings.');
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw optionError(`${field}.${key}`, 'is not a setting.', `use ${known.join(', ')}.`);
  }
}
