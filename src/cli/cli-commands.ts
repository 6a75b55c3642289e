import type { CliCommand } from './cli-command';
import { costCommand } from './commands/cost-command';
import { doctorCommand } from './commands/doctor-command';
import { migrateCommand } from './commands/migrate-command';
import { reconcileCommand } from './commands/reconcile-command';
import { segmentsCommand } from './commands/segments-command';
import { sendCommand } from './commands/send-command';
import { validateCommand } from './commands/validate-command';
import { workerCommand } from './commands/worker-command';

/** Every `tools-core` command, in the order `--help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [sendCommand, segmentsCommand, validateCommand, costCommand, migrateCommand, reconcileCommand, doctorCommand, workerCommand];
