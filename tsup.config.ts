import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Each vendor folder with an index.ts is a public subpath: src/providers/plivo/index.ts → ./plivo.
const vendors = readdirSync('src/providers', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && existsSync(`src/providers/${entry.name}/index.ts`))
  .map((entry) => [`${entry.name}/index`, `src/providers/${entry.name}/index.ts`]);

// One entry per public subpath in package.json "exports" (test/package/ checks they match). Provider SDKs
// and server clients are never bundled: they are optional peers loaded with import() on first use.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    ...Object.fromEntries(vendors),
    'provider-kit/index': 'src/providers/kit/index.ts',
    'composer/index': 'src/composer/index.ts',
    'redis/index': 'src/adapters/redis/index.ts',
    'rabbitmq/index': 'src/adapters/rabbitmq/index.ts',
    'postgres/index': 'src/adapters/postgres/index.ts',
    'cli/tools-core': 'src/cli/tools-core.ts',
  },
  format: ['esm', 'cjs'],
  // `tools-core --version` (src/cli/tools-core-version.ts).
  define: { __TOOLS_CORE_VERSION__: JSON.stringify(version) },
  // tsup's declaration build sets the deprecated `baseUrl`, which TypeScript 6 reports as an error.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  // Optional peers: never bundled, loaded with import() on the first send.
  external: ['twilio', 'telnyx', '@vonage/auth', '@vonage/messages', 'plivo', 'ioredis', 'amqplib', 'pg'],
  treeshake: true,
});
