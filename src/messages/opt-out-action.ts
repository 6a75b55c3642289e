/**
 * What a recipient's keyword asks for: stop messages (STOP, UNSUBSCRIBE…), resume them (START…) or get
 * help (HELP, INFO). docs/webhooks.md lists the keywords.
 */
export type OptOutAction = 'opt-out' | 'opt-in' | 'help';
