/** Version of the event envelope; bumped when a field changes meaning or disappears. */
export const SMS_EVENT_SCHEMA_VERSION = 1;
