import { processWarningLogger, type Logger } from '../logging/logger';
import type { BackgroundErrorContext } from './sms-service-options';

const backgroundActions: Record<BackgroundErrorContext['stage'], string> = {
  store: 'record',
  events: 'publish',
  idempotency: 'keep the idempotency record of',
  'opt-outs': 'record the opt-out reported for',
};

/**
 * The default `onBackgroundError`: a warning on the service's `logger` (by default a `process.emitWarning`,
 * code `TOOLS_CORE_BACKGROUND`) naming what could not be done for which message, with the error as `err`.
 *
 * @example
 * reportBackgroundError(new Error('bus down'), { stage: 'events', messageId: 'msg-1' }); // "tools-core could not publish message msg-1: bus down"
 */
export function reportBackgroundError(error: unknown, context: BackgroundErrorContext, logger: Logger = processWarningLogger): void {
  const detail = error instanceof Error ? error.message : String(error);
  logger.warn({ code: 'TOOLS_CORE_BACKGROUND', stage: context.stage, messageId: context.messageId, err: error }, `tools-core could not ${backgroundActions[context.stage]} message ${context.messageId}: ${detail}`);
}
