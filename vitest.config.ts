import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // `tools-core --version` (src/cli/tools-core-version.ts), as tsup defines it.
  define: { __TOOLS_CORE_VERSION__: JSON.stringify(version) },
  resolve: {
    // Examples and docs import the package by its published name; in the repo that name is the source.
    alias: [
      { find: /^@ocelot-platform\/tools-core$/, replacement: source('./src/index.ts') },
      { find: /^@ocelot-platform\/tools-core\/testing$/, replacement: source('./src/testing/index.ts') },
      { find: /^@ocelot-platform\/tools-core\/provider-kit$/, replacement: source('./src/providers/kit/index.ts') },
      { find: /^@ocelot-platform\/tools-core\/composer$/, replacement: source('./src/composer/index.ts') },
      { find: /^@ocelot-platform\/tools-core\/(redis|rabbitmq|postgres)$/, replacement: source('./src/adapters/$1/index.ts') },
      // Every other subpath is a vendor: src/providers/<vendor>/index.ts.
      { find: /^@ocelot-platform\/tools-core\/([a-z0-9-]+)$/, replacement: source('./src/providers/$1/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // CI runs with coverage on two cores next to PostgreSQL, Redis and RabbitMQ: the exhaustive and
    // property tests (peer agreement, grapheme classes, 10 000-payload fuzz) need more than the default 5 s.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
});
