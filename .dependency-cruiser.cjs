/**
 * The architecture as a checked rule (`npm run check:layers`, part of `npm test`). Read it bottom-up:
 * each layer may import only from the layers listed before it (and from itself), and nothing may import
 * in a cycle. docs/architecture.md draws the same map.
 *
 * Exceptions: none. A change that needs one adds it here, with the reason, and to docs/architecture.md.
 */
const layers = [
  {
    name: 'foundation',
    comment: 'the clock and the one sleep, errors and option checks, hashing, ordered maps, optional-peer loading: no SMS knowledge',
    path: '^src/(clock\\.ts|timers|errors|options|hashing|collections|optional-peers|logging)/?',
  },
  {
    name: 'values',
    comment: 'pure rules on what a message holds: phone numbers, senders, segments and cost',
    path: '^src/(phone|senders|segments)/',
  },
  {
    name: 'messages',
    comment: 'the shared message types every layer speaks: a send request, its result, its record and statuses',
    path: '^src/messages/',
  },
  {
    name: 'providers',
    comment: 'the SmsProvider port, the vendor definition and its list, the adapter kit (kit/), and one folder per vendor (twilio/, telnyx/, …)',
    path: '^src/providers/',
  },
  {
    name: 'reliability',
    comment: 'decorators over the provider port: retries, failover, circuit breakers',
    path: '^src/failover/',
  },
  {
    name: 'events',
    comment: 'every event type, its builder and its zod contract; the EventPublisher port',
    path: '^src/events/',
  },
  {
    name: 'observability',
    comment: 'OpenTelemetry without importing it: the traced provider decorator, the send span, metrics from the events',
    path: '^src/observability/',
  },
  {
    name: 'stages',
    comment: 'the ports and pure logic of each send stage: message store, opt-outs, idempotency, limits',
    path: '^src/(store|opt-outs|idempotency|limits)/',
  },
  {
    name: 'service',
    comment: 'SMSService: the send pipeline as named steps over the stages',
    path: '^src/(service|reconcile)/',
  },
  {
    name: 'edges',
    comment: 'what sits around the service: webhooks in, platform mode (bus, worker, client)',
    path: '^src/(webhooks|platform)/',
  },
  {
    name: 'adapters',
    comment: 'production implementations of the ports on real engines (Redis, RabbitMQ, PostgreSQL), optional peers',
    path: '^src/adapters/',
  },
  {
    name: 'entries',
    comment: 'public entry points and tools: the root index, ./testing, the command line, the browser-safe ./composer',
    path: '^src/(index\\.ts|testing|cli|composer)/?',
  },
];

const layerRules = layers.flatMap((layer, index) => {
  const above = layers.slice(index + 1);
  if (above.length === 0) return [];
  return [
    {
      name: `layer-${layer.name}`,
      comment: `${layer.name} (${layer.comment}) imports only from layers below it`,
      severity: 'error',
      from: { path: layer.path },
      to: { path: above.map((other) => other.path) },
    },
  ];
});

module.exports = {

  forbidden: [
    {
      name: 'no-circular',
      comment: 'no module reaches itself through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'vendor-in-one-folder',
      comment: 'a vendor lives in one folder: providers/<vendor>/ and adapters/<engine>/ never import a sibling vendor; providers/kit/ is the adapter kit every vendor builds on, not a vendor',
      severity: 'error',
      from: { path: '^src/(providers|adapters)/([^/]+)/' },
      to: { path: '^src/$1/[^/]+/', pathNot: ['^src/$1/$2/', '^src/providers/kit/'] },
    },
    {
      name: 'kit-knows-no-vendor',
      comment: 'the adapter kit is public (./provider-kit) and vendor-neutral: it never imports a vendor folder',
      severity: 'error',
      from: { path: '^src/providers/kit/' },
      to: { path: '^src/providers/[^/]+/', pathNot: '^src/providers/kit/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'every import resolves',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts'] },
  },
};
