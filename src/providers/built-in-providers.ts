import { plivoDefinition } from './plivo/plivo-definition';
import { telnyxDefinition } from './telnyx/telnyx-definition';
import { twilioDefinition } from './twilio/twilio-definition';
import { vonageDefinition } from './vonage/vonage-definition';

/**
 * The built-in vendors, in their default order (`fromEnv` makes the first configured one the primary
 * and the next its fallback). Everything vendor-specific outside a vendor's folder derives from this
 * list: `fromConfig`, `fromEnv`, `createWebhookHandler`, `DEFAULT_PRICING`, `signWebhookRequest`.
 */
export const BUILT_IN_PROVIDERS = [twilioDefinition, telnyxDefinition, vonageDefinition, plivoDefinition] as const;

export type BuiltInProviderDefinition = (typeof BUILT_IN_PROVIDERS)[number];

/** The id of a built-in vendor: `'twilio' | 'telnyx' | …`. */
export type BuiltInProvider = BuiltInProviderDefinition['id'];

/** The settings `fromConfig` takes for the vendor `Id`. */
export type BuiltInProviderSettings<Id extends BuiltInProvider = BuiltInProvider> = SettingsOf<Extract<BuiltInProviderDefinition, { id: Id }>>;

/** Distributes over a union of definitions, so the settings of two vendors are a union, not an intersection. */
type SettingsOf<Definition> = Definition extends { createProvider: (settings: infer Settings) => unknown } ? Settings : never;

/** The webhook options `createWebhookHandler({ providers })` takes, per vendor. */
export type BuiltInWebhookOptions = {
  [Definition in BuiltInProviderDefinition as Definition['id']]?: Definition['webhook'] extends { configure: (options: infer Options, field: string) => unknown } ? Options : never;
};

/** The definition of a built-in vendor, or undefined for any other id. */
export function findBuiltInProvider(id: unknown): BuiltInProviderDefinition | undefined {
  return BUILT_IN_PROVIDERS.find((definition) => definition.id === id);
}

/** `"twilio" or "telnyx"`, `"a", "b" or "c"`: the ids for messages. */
export function listBuiltInProviders(conjunction: 'or' | 'and' | 'and/or' = 'or', quote = true): string {
  const ids = BUILT_IN_PROVIDERS.map((definition) => (quote ? `"${definition.id}"` : definition.id));
  return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} ${conjunction} ${ids.at(-1)}`;
}
