import { readFileSync } from 'node:fs';
import { SMSService } from '../service/sms-service';
import type { SMSServiceConfig } from '../service/sms-service-config';
import type { SMSServiceOptions } from '../service/sms-service-options';
import type { CliIo } from './cli-io';
import { UsageError } from './parse-worker-arguments';

/**
 * The service a command works with: `SMSService.fromConfig` on the JSON of `--config`, else
 * `SMSService.fromEnv` on the command's environment; `options` (stores) apply to both.
 *
 * @example
 * const sms = createCliService(values.config, io, { store });
 */
export function createCliService(configFile: string | boolean | undefined, io: CliIo, options: Omit<SMSServiceOptions, 'providers'> = {}): SMSService {
  if (typeof configFile !== 'string') return SMSService.fromEnv(io.env, options);
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config: ${configFile} could not be read as JSON (${error instanceof Error ? error.message : String(error)}). Fix: pass a JSON file of SMSService.fromConfig settings.`);
  }
  return SMSService.fromConfig({ ...(config as SMSServiceConfig), ...options });
}
