/**
 * `npm run bench:compare -- [ref]`: `SMSService.send()` throughput of this checkout's build beside the
 * build of an earlier commit (default: the parent commit), in one process, alternating rounds so both
 * see the same machine load. Builds the earlier commit in a temporary git worktree (node_modules linked).
 * Target after a redesign: at least 0.95x of the earlier commit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatNumber, measure } from './measure';

interface Build {
  readonly label: string;
  readonly SMSService: new (options: object) => { send(request: object): Promise<unknown> };
  readonly createFakeProvider: (options: object) => { calls: readonly unknown[]; reset(): void };
}

const root = fileURLToPath(new URL('..', import.meta.url));
const bodies = [
  'Your verification code is 482913. It expires in 10 minutes.',
  'Votre commande est prête 🎉 Passez la prendre à 18h.',
  'Reminder: your appointment is tomorrow at 09:30 [room 4]. '.repeat(3),
];

async function load(label: string, dist: string): Promise<Build> {
  const main = (await import(pathToFileURL(join(dist, 'index.js')).href)) as Pick<Build, 'SMSService'>;
  const testing = (await import(pathToFileURL(join(dist, 'testing/index.js')).href)) as Pick<Build, 'createFakeProvider'>;
  return { label, SMSService: main.SMSService, createFakeProvider: testing.createFakeProvider };
}

function buildAt(ref: string): { dist: string; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'tools-core-previous-'));
  const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  run('git', ['worktree', 'add', '--detach', directory, ref], root);
  symlinkSync(join(root, 'node_modules'), join(directory, 'node_modules'));
  run('npx', ['tsup', '--no-dts', '--silent'], directory);
  return {
    dist: join(directory, 'dist'),
    remove: () => {
      run('git', ['worktree', 'remove', '--force', directory], root);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function sendsPerSecond(build: Build): Promise<number> {
  const provider = build.createFakeProvider({ id: 'twilio' });
  const sms = new build.SMSService({ providers: [provider] });
  let index = 0;
  const result = await measure(build.label, () => {
    if (provider.calls.length > 10_000) provider.reset();
    return sms.send({ to: '+14155552671', body: bodies[index++ % bodies.length] as string, tenantId: 'org-1' });
  });
  return result.operationsPerSecond;
}

export async function runSendComparison(ref = 'HEAD~1'): Promise<void> {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first.');
  const previous = buildAt(ref);
  try {
    const current = await load('this checkout', join(root, 'dist'));
    const earlier = await load(ref, previous.dist);
    const rounds = 5;
    const samples = { current: [] as number[], earlier: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which goes first, so warm-up and load drift do not favour one.
      const order = round % 2 === 0 ? (['earlier', 'current'] as const) : (['current', 'earlier'] as const);
      for (const which of order) samples[which].push(await sendsPerSecond(which === 'current' ? current : earlier));
    }
    const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] as number;
    const earlierMedian = median(samples.earlier);
    const currentMedian = median(samples.current);
    console.log(`\nsend() throughput, this checkout vs ${ref}, ${rounds} alternating rounds of 1 s each (target: >= 0.95x)`);
    console.table([
      { build: ref, 'median sends/s': formatNumber(earlierMedian), rounds: samples.earlier.map((value) => formatNumber(value)).join(' / '), ratio: '1.00x' },
      { build: 'this checkout', 'median sends/s': formatNumber(currentMedian), rounds: samples.current.map((value) => formatNumber(value)).join(' / '), ratio: `${formatNumber(currentMedian / earlierMedian, 2)}x` },
    ]);
    console.log(`this checkout ${currentMedian / earlierMedian >= 0.95 ? 'meets' : 'MISSES'} the 0.95x target`);
  } finally {
    previous.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSendComparison(process.argv[2]);
}
