import { defineConfig } from 'tsup';

// One entry per public subpath in package.json "exports". Provider SDKs and server clients are
// never bundled: they are optional peers loaded with import() on first use.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'twilio/index': 'src/providers/twilio/index.ts',
    'telnyx/index': 'src/providers/telnyx/index.ts',
    'provider-kit/index': 'src/providers/kit/index.ts',
    'redis/index': 'src/adapters/redis/index.ts',
    'rabbitmq/index': 'src/adapters/rabbitmq/index.ts',
    'cli/tools-core': 'src/cli/tools-core.ts',
  },
  format: ['esm', 'cjs'],
  // tsup's declaration build sets the deprecated `baseUrl`, which TypeScript 6 reports as an error.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  // Optional peers: never bundled, loaded with import() on the first send.
  external: ['twilio', 'telnyx', '@vonage/auth', '@vonage/messages', 'plivo', 'ioredis', 'amqplib'],
  treeshake: true,
});
