import { NotReadyError } from '../errors/not-ready-error';
import { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';

/** What the worker was doing when it could not start. */
export type StartStage = 'amqp-url' | 'redis-url' | 'providers' | 'redis' | 'broker' | 'service';

/** How `tools-core worker` reports a start it refuses: its exit code, the flag to fix, the message. */
export interface StartFailure {
  /** 2: the configuration cannot work (fix a flag, install a package); 1: a dependency is down, retrying later may work. */
  readonly exitCode: 1 | 2;
  readonly flag: string | null;
  readonly message: string;
}

/** Redis's own words for refused credentials (https://redis.io/docs/latest/commands/auth/). */
const REDIS_AUTH_REFUSED = /WRONGPASS|NOAUTH|invalid password|AUTH failed/i;

/**
 * Sorts a start failure into permanent (exit 2, naming the flag: a malformed or refused `--amqp-url`
 * or `--redis-url`, a missing provider SDK) and transient (exit 1: broker or Redis not reachable,
 * with the flag that bounds the wait). Messages never carry a URL's password: the bus masks it and
 * option errors name the option, never its value.
 *
 * @example
 * classifyStartFailure('broker', accessRefusedError); // { exitCode: 2, flag: '--amqp-url', message: '--amqp-url: RabbitMQ … refused the login …' }
 */
export function classifyStartFailure(stage: StartStage, error: unknown): StartFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (stage === 'amqp-url' || stage === 'redis-url') {
    const flag = `--${stage}`;
    // `options.url: is not a valid … URL. Fix: …` → `--amqp-url: is not a valid … URL. Fix: …`
    const text = ValidationError.isInstance(error) && error.field === 'options.url' ? message.replace(/^options\.url/, flag) : `${flag}: ${message}`;
    return { exitCode: 2, flag, message: text };
  }
  if (stage === 'providers') {
    const fallbacksOnly = NotReadyError.isInstance(error) && error.providers.every((entry) => entry.role === 'fallback');
    const hint = fallbacksOnly ? ' Or start with --allow-missing-fallback to run without that fallback.' : '';
    return { exitCode: 2, flag: fallbacksOnly ? '--allow-missing-fallback' : null, message: `${message}${hint}` };
  }
  if (stage === 'redis') {
    if (REDIS_AUTH_REFUSED.test(message)) {
      return { exitCode: 2, flag: '--redis-url', message: `--redis-url: Redis refused the credentials (${message}). Fix: correct the user name and password of the redis:// URL.` };
    }
    return { exitCode: 1, flag: '--redis-url', message: `--redis-url: ${message}` };
  }
  if (stage === 'broker') {
    const reason = SmsError.isInstance(error) ? error.reason : undefined;
    if (reason === 'BUS_ACCESS_REFUSED' || reason === 'BUS_VHOST_REFUSED') return { exitCode: 2, flag: '--amqp-url', message: `--amqp-url: ${message}` };
    if (reason === 'BUS_UNAVAILABLE') {
      return { exitCode: 1, flag: '--connect-timeout-ms', message: `${message} Fix: start RabbitMQ or correct the host of --amqp-url; --connect-timeout-ms sets how long the start waits.` };
    }
  }
  return { exitCode: 1, flag: null, message };
}
