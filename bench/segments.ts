/**
 * Segment counting speed and correctness against the public npm counters, side by side in one run:
 * `calculateSegments` vs sms-segments-calculator (Twilio's), @trt2/gsm-charset-utils and split-sms.
 *
 * Run: `npx tsx bench/segments.ts`. Prints, per library, UTF-16 units/s and messages/s over a mixed
 * corpus, our speed ratio, whether the library gets the trap cases of docs/segments-and-cost.md#packing-parts right, and every
 * corpus message where sms-segments-calculator counts differently from us.
 */
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { SegmentedMessage } from 'sms-segments-calculator';
import { Bench } from 'tinybench';
import { calculateSegments } from '../src/segments/calculate-segments';

const require = createRequire(import.meta.url);

// Neither peer ships type declarations, so they are loaded through require with the shape we use.
interface GsmCharsetUtils {
  getCharCount(text: string): { msgCount: number; encoding: 'GSM' | 'UCS2' };
}
interface SplitSms {
  split(text: string): { characterSet: 'GSM' | 'Unicode'; parts: unknown[] };
}
const gsmCharsetUtils = require('@trt2/gsm-charset-utils') as GsmCharsetUtils;
const splitSms = require('split-sms') as SplitSms;

type Encoding = 'GSM-7' | 'UCS-2';

const OURS = 'tools-core calculateSegments';
const OURS_CODEPOINT = "tools-core (clusterPolicy 'codepoint')";
const CODEPOINT_OPTIONS = { clusterPolicy: 'codepoint' } as const;

interface Counter {
  name: string;
  /** Segments and encoding as the library reports them. */
  count(body: string): { segments: number; encoding: Encoding };
}

const counters: readonly Counter[] = [
  {
    name: OURS,
    count: (body) => {
      const result = calculateSegments(body);
      return { segments: result.segments, encoding: result.encoding };
    },
  },
  {
    name: 'sms-segments-calculator',
    count: (body) => {
      const message = new SegmentedMessage(body);
      return { segments: message.segmentsCount, encoding: message.encodingName };
    },
  },
  {
    name: '@trt2/gsm-charset-utils',
    count: (body) => {
      const result = gsmCharsetUtils.getCharCount(body);
      return { segments: result.msgCount, encoding: result.encoding === 'GSM' ? 'GSM-7' : 'UCS-2' };
    },
  },
  {
    name: 'split-sms',
    count: (body) => {
      const result = splitSms.split(body);
      return { segments: result.parts.length, encoding: result.characterSet === 'GSM' ? 'GSM-7' : 'UCS-2' };
    },
  },
];

interface TrapCase {
  name: string;
  body: string;
  encoding: Encoding;
  /** Segments under the default `grapheme` cluster policy (docs/segments-and-cost.md#packing-parts). */
  segments: number;
  /** Segments under the `codepoint` policy (3GPP minimum: only surrogate pairs kept whole), when different. */
  codepointSegments?: number;
}

/** The traps of docs/segments-and-cost.md#packing-parts with hand-derived answers (not computed by the code under test). */
const trapCases: readonly TrapCase[] = [
  { name: '153 × ] (escape pairs never straddle)', body: ']'.repeat(153), encoding: 'GSM-7', segments: 3 },
  { name: '152 a + ] + 152 a', body: `${'a'.repeat(152)}]${'a'.repeat(152)}`, encoding: 'GSM-7', segments: 3 },
  { name: '158 a + ] = 160 septets, single part', body: `${'a'.repeat(158)}]`, encoding: 'GSM-7', segments: 1 },
  { name: '81 × € = 162 septets', body: '€'.repeat(81), encoding: 'GSM-7', segments: 2 },
  { name: '67 × 😀 (surrogate pairs never split)', body: '😀'.repeat(67), encoding: 'UCS-2', segments: 3 },
  { name: '80 a + CRLF + 79 a', body: `${'a'.repeat(80)}\r\n${'a'.repeat(79)}`, encoding: 'GSM-7', segments: 2 },
  { name: '70 × e+U+0301 (no normalisation)', body: 'e\u0301'.repeat(70), encoding: 'UCS-2', segments: 3 },
  { name: '160 × Ç is GSM', body: 'Ç'.repeat(160), encoding: 'GSM-7', segments: 1 },
  { name: '71 × ç is UCS-2', body: 'ç'.repeat(71), encoding: 'UCS-2', segments: 2 },
  { name: 'backtick + 69 a is UCS-2', body: `\`${'a'.repeat(69)}`, encoding: 'UCS-2', segments: 1 },
  { name: 'TAB + 70 a is UCS-2', body: `\t${'a'.repeat(70)}`, encoding: 'UCS-2', segments: 2 },
  { name: 'Greek capital Alpha is not GSM', body: 'Α'.repeat(71), encoding: 'UCS-2', segments: 2 },
  { name: '69 × € + ж: extension costs 1 in UCS-2', body: `${'€'.repeat(69)}ж`, encoding: 'UCS-2', segments: 1 },
  {
    name: '66 a + e+U+0301 + 66 a (cluster at the boundary)',
    body: `${'a'.repeat(66)}e\u0301${'a'.repeat(66)}`,
    encoding: 'UCS-2',
    segments: 3,
    codepointSegments: 2,
  },
  {
    name: '65 ж + 🇮🇹 + 65 ж (flag at the boundary)',
    body: `${'ж'.repeat(65)}🇮🇹${'ж'.repeat(65)}`,
    encoding: 'UCS-2',
    segments: 3,
    codepointSegments: 2,
  },
];

const EMPTY_BODY_POLICY = 'empty body: 0 segments (providers refuse it)';

/**
 * About 70 messages covering what a host really sends: short and long GSM-7, extension characters,
 * UCS-2 with emoji, ZWJ sequences, flags, combining marks, CJK, Cyrillic, Arabic, Hindi, CRLF.
 * Built from fixed pieces, so every run measures the same corpus.
 */
export function buildSegmentsCorpus(): string[] {
  const sentences = [
    'Your verification code is 482913. It expires in 10 minutes.',
    'Hi Anna, your table for 4 is booked at 19:30 tonight. Reply C to cancel.',
    'Reminder: dentist appointment tomorrow at 09:15, Dr. Müller, Bahnhofstraße 12.',
    'Your parcel #A-77812 is out for delivery; our driver will call 30 min before arrival.',
    'Payment of £49.99 received, thank you! Balance due: £0.00.',
    'Ça va? Rendez-vous à 18h devant la gare, n’oublie pas les billets.',
  ];
  const corpus: string[] = [];
  for (const sentence of sentences) corpus.push(sentence);
  for (let parts = 2; parts <= 6; parts++) corpus.push(repeatTo(sentences.join(' '), 150 * parts));
  corpus.push('OK', 'Yes', '12345', 'a'.repeat(160), 'a'.repeat(161), 'a'.repeat(306), 'a'.repeat(307));
  corpus.push(
    'Price: 10€ [promo] {code: SAVE~10} | valid until 31/12',
    repeatTo('Server {prod-eu} CPU ~95% [ALERT] | disk ^ 80% \\ ram 10€ ', 320),
    repeatTo('JSON: {"a":[1,2,3],"b":{"c":"d"}} ', 480),
    '\f'.repeat(3),
  );
  corpus.push(
    'Happy birthday! 🎉🎂',
    'Thanks 👍🏽 see you soon 😀',
    repeatTo('Great news 🎉 your order shipped 📦 ', 140),
    repeatTo('😀😁😂🤣😃😄😅😆', 300),
    repeatTo('Family day 👨‍👩‍👧‍👦 with 👩🏽‍💻 and 🏳️‍🌈 ', 200),
    repeatTo('👨‍👩‍👧', 400),
    repeatTo('Go team 🇮🇹🇫🇷🇩🇪🇪🇸🇬🇧🇺🇸 ', 260),
    repeatTo('🇮🇹', 134),
    repeatTo('Keycap 1️⃣2️⃣3️⃣ ❤️ ', 150),
  );
  corpus.push(
    repeatTo('Cafe\u0301 cre\u0300me bru\u0302le\u0301e ', 160),
    repeatTo('Tiê\u0301ng Viê\u0323t có da\u0302\u0301u ', 220),
    repeatTo('a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308 ', 140),
  );
  corpus.push(
    '你好，今天下午三点开会。',
    repeatTo('您的验证码是482913，十分钟内有效。请勿泄露给他人。', 200),
    repeatTo('明日の会議は午後3時からです。よろしくお願いします。', 150),
    repeatTo('안녕하세요. 내일 오후 3시에 회의가 있습니다. ', 180),
    repeatTo('Ваш код подтверждения 482913. Никому его не сообщайте. ', 300),
    repeatTo('رمز التحقق الخاص بك هو 482913. لا تشاركه مع أحد. ', 210),
    repeatTo('आपका सत्यापन कोड 482913 है। क्षमा करें, किसी को न बताएं। ', 260),
    repeatTo('สวัสดีครับ รหัสของคุณคือ 482913 ', 150),
    repeatTo('שָׁלוֹם, הקוד שלך הוא 482913. ', 140),
  );
  corpus.push(
    `Line one\r\nLine two\r\n${'a'.repeat(150)}`,
    repeatTo('Order ready.\r\nPick up at desk 3.\n', 330),
    repeatTo('“Smart quotes” and … ellipsis — dash ', 170),
    repeatTo('Tab\tseparated\tvalues ', 90),
    '',
  );
  for (const trap of trapCases) corpus.push(trap.body);
  return corpus;
}

function repeatTo(piece: string, units: number): string {
  let text = '';
  while (text.length + piece.length <= units) text += piece;
  return text.length === 0 ? piece : text;
}

interface TrapVerdict {
  /** Agrees with every trap under the default grapheme policy. */
  grapheme: boolean;
  /** Agrees with every trap under the codepoint policy. */
  codepoint: boolean;
  failures: string[];
}

function judgeTraps(counter: Counter): TrapVerdict {
  const failures: string[] = [];
  let grapheme = true;
  let codepoint = true;
  for (const trap of trapCases) {
    const { segments, encoding } = counter.count(trap.body);
    const encodingRight = encoding === trap.encoding;
    if (!encodingRight || segments !== trap.segments) grapheme = false;
    if (!encodingRight || segments !== (trap.codepointSegments ?? trap.segments)) codepoint = false;
    if (!encodingRight || segments !== trap.segments) {
      const codepointNote = trap.codepointSegments === undefined ? '' : ` (${trap.codepointSegments} under the codepoint policy)`;
      failures.push(`${trap.name}: got ${encoding}/${segments}, expected ${trap.encoding}/${trap.segments}${codepointNote}`);
    }
  }
  return { grapheme, codepoint, failures };
}

interface Throughput {
  library: string;
  /** Corpus passes per second. */
  rate: number;
}

/**
 * Tinybench rounds per corpus. Each library keeps its best round, so a burst of load elsewhere on the
 * machine during one library's turn does not skew the ratios.
 */
const ROUNDS = 3;

/**
 * Times one pass over the corpus per library. Each library gets its own loop (its own call site), so no
 * library pays for another's shapes in a shared, megamorphic call.
 */
async function measureThroughput(corpus: readonly string[]): Promise<Throughput[]> {
  let sink = 0;
  const bench = new Bench({ name: 'segments', time: 600, warmupTime: 200 });
  bench
    .add(OURS, () => {
      for (const body of corpus) sink += calculateSegments(body).segments;
    })
    .add(OURS_CODEPOINT, () => {
      for (const body of corpus) sink += calculateSegments(body, CODEPOINT_OPTIONS).segments;
    })
    .add('sms-segments-calculator', () => {
      for (const body of corpus) sink += new SegmentedMessage(body).segmentsCount;
    })
    .add('@trt2/gsm-charset-utils', () => {
      for (const body of corpus) sink += gsmCharsetUtils.getCharCount(body).msgCount;
    })
    .add('split-sms', () => {
      for (const body of corpus) sink += splitSms.split(body).parts.length;
    });
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round += 1) {
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: benchmark ${result.state}`);
      best.set(task.name, Math.max(best.get(task.name) ?? 0, 1000 / result.latency.mean));
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observable, so no call is optimised away
  return [...best].map(([library, rate]) => ({ library, rate }));
}

/**
 * Bodies as a host receives them: parsed from a JSON request, so V8 holds them as flat strings.
 * Strings built by concatenation are ropes (cons strings) that every library reads more slowly per
 * character; the second table measures that case too.
 */
function asReceivedFromJson(corpus: readonly string[]): string[] {
  return JSON.parse(JSON.stringify(corpus)) as string[];
}

/**
 * Runs the benchmark and prints the tables: throughput per library on flat and on rope strings, our
 * ratio to each, which peers get the trap cases right (under either cluster policy of
 * docs/segments-and-cost.md#packing-parts), and every corpus message where sms-segments-calculator counts differently, with the reason.
 *
 * @example
 * await runSegmentsBenchmark(); // or: npx tsx bench/segments.ts
 */
export async function runSegmentsBenchmark(): Promise<void> {
  const builtCorpus = buildSegmentsCorpus();
  const corpusUnits = builtCorpus.reduce((sum, body) => sum + body.length, 0);
  console.log(`Corpus: ${builtCorpus.length} messages, ${corpusUnits} UTF-16 units (Node ${process.version}).`);
  // Wall-clock timing: on a busy machine every figure drops; compare ratios from a quiet run.
  console.log(`Load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} CPUs at start.`);

  const verdicts = new Map(counters.map((counter) => [counter.name, judgeTraps(counter)]));
  const ours = verdicts.get(OURS)!;
  if (!ours.grapheme) throw new Error(`calculateSegments fails trap cases: ${ours.failures.join('; ')}`);
  const correctPeers = counters
    .slice(1)
    .filter((counter) => verdicts.get(counter.name)!.grapheme || verdicts.get(counter.name)!.codepoint)
    .map((counter) => counter.name);

  for (const [title, corpus] of [
    ['Flat strings (bodies parsed from JSON, the usual case)', asReceivedFromJson(builtCorpus)],
    ['Rope strings (bodies built by concatenation)', builtCorpus],
  ] as const) {
    const throughputs = await measureThroughput(corpus);
    const ourRate = throughputs.find((entry) => entry.library === OURS)!.rate;
    const peers = throughputs.filter((entry) => entry.library !== OURS && entry.library !== OURS_CODEPOINT);
    const fastestCorrectPeer = Math.max(0, ...peers.filter((entry) => correctPeers.includes(entry.library)).map((entry) => entry.rate));
    console.log(`\n${title}`);
    console.table(
      throughputs.map((entry) => {
        const verdict = verdicts.get(entry.library);
        return {
          library: entry.library,
          'M units/s': round((entry.rate * corpusUnits) / 1e6, 2),
          'k messages/s': round((entry.rate * corpus.length) / 1e3, 1),
          'ours ÷ this': round(ourRate / entry.rate, 2),
          'traps (grapheme policy)': verdict === undefined ? '' : verdict.grapheme ? 'correct' : 'wrong',
          'traps (codepoint policy)': verdict === undefined ? '' : verdict.codepoint ? 'correct' : 'wrong',
        };
      }),
    );
    console.log(
      fastestCorrectPeer > 0
        ? `Ours ÷ fastest correct peer: ${round(ourRate / fastestCorrectPeer, 2)}×`
        : 'No peer gets every trap case right under either cluster policy.',
    );
    console.log(`Ours ÷ fastest peer (correct or not): ${round(ourRate / Math.max(...peers.map((entry) => entry.rate)), 2)}×`);
  }

  console.log(
    '\n"correct" = every trap case right under one of the two cluster policies (grapheme, codepoint): ' +
      "'grapheme' (default, Twilio) or 'codepoint' (3GPP minimum).",
  );
  for (const counter of counters.slice(1)) {
    const verdict = verdicts.get(counter.name)!;
    if (verdict.failures.length > 0) console.log(`${counter.name} trap failures:\n  ${verdict.failures.join('\n  ')}`);
  }
  const disagreements = disagreementsWithTwilioCalculator(builtCorpus);
  console.log(`Segment/encoding disagreements with sms-segments-calculator on the corpus: ${disagreements.length}`);
  if (disagreements.length > 0) console.table(disagreements);
}

function disagreementsWithTwilioCalculator(corpus: readonly string[]): Array<Record<string, string>> {
  const disagreements: Array<Record<string, string>> = [];
  for (const body of corpus) {
    const mine = calculateSegments(body);
    const twilio = new SegmentedMessage(body);
    if (mine.segments !== twilio.segmentsCount || mine.encoding !== twilio.encodingName) {
      disagreements.push({
        body: body.length > 40 ? `${body.slice(0, 40)}… (${body.length} units)` : JSON.stringify(body),
        ours: `${mine.encoding}/${mine.segments}`,
        'sms-segments-calculator': `${twilio.encodingName}/${twilio.segmentsCount}`,
        why: explainDisagreement(body, twilio),
      });
    }
  }
  return disagreements;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The documented causes (test/segments/peer-agreement.test.ts checks them on random bodies). */
function explainDisagreement(body: string, twilio: SegmentedMessage): string {
  if (body === '') return EMPTY_BODY_POLICY;
  const clusters = Array.from(graphemeSegmenter.segment(body), (segment) => segment.segment).flatMap((cluster) =>
    cluster === '\r\n' ? ['\r', '\n'] : [cluster],
  );
  if ([...clusters, ...twilio.graphemes].some((cluster) => cluster.length > 67)) {
    return 'a cluster longer than a part: code-point atoms; it overflows a part instead';
  }
  if (clusters.join('\u0000') !== twilio.graphemes.join('\u0000')) {
    return 'its grapheme-splitter uses Unicode 10 clusters, Intl.Segmenter current UAX #29';
  }
  return 'UNEXPLAINED';
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSegmentsBenchmark();
}
