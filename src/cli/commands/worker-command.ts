import type { CliCommand } from '../cli-command';
import { createJsonLogger } from '../create-json-logger';
import { parseWorkerArguments, WORKER_USAGE } from '../parse-worker-arguments';
import { runWorkerCommand } from '../run-worker-command';

/** `tools-core worker`: the platform-mode worker (docs/platform-mode.md). */
export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'run the platform-mode SMS worker on RabbitMQ',
  usage: WORKER_USAGE,
  async run(args, io) {
    const options = parseWorkerArguments(args, io.env);
    if (options === 'help') {
      io.write(WORKER_USAGE);
      return 0;
    }
    return runWorkerCommand(options, { env: io.env, log: createJsonLogger(io.write), stopRequested: io.stopRequested });
  },
};
