/** `npm run bench`: every benchmark, one after the other, on one core. */
import { runImportCostBenchmark } from './import-cost';
import { runPlatformBenchmark } from './platform';
import { runPostgresBenchmark } from './postgres';
import { runQuotasBenchmark } from './quotas';
import { runReliabilityBenchmark } from './reliability';
import { runSegmentsBenchmark } from './segments';
import { runSendBenchmark } from './send';

await runSegmentsBenchmark();
await runSendBenchmark();
await runReliabilityBenchmark();
await runQuotasBenchmark();
await runPlatformBenchmark();
await runPostgresBenchmark();
await runImportCostBenchmark();
// Redis clients and timers left by the benchmarks must not keep the process alive.
process.exit(0);
