import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IForbiddenRuleType, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };
const fixture = fileURLToPath(new URL('./fixtures/layered', import.meta.url));

async function violationsIn(baseDir: string): Promise<string[]> {
  const result: IReporterOutput = await cruise(['src'], {
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts'] },
  });
  if (typeof result.output === 'string') throw new Error('expected the cruise result as an object');
  return result.output.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`).sort();
}

describe('.dependency-cruiser.cjs: the layer rules bite', () => {
  it('refuses a lower layer importing a higher one, a cycle and one vendor importing another', async () => {
    const violations = await violationsIn(fixture);
    expect(violations).toContain('layer-foundation: src/errors/sms-error.ts → src/service/sms-service.ts');
    expect(violations).toContain('vendor-in-one-folder: src/providers/twilio/create-twilio-provider.ts → src/providers/telnyx/create-telnyx-provider.ts');
    expect(violations.filter((violation) => violation.startsWith('no-circular: src/segments/'))).toHaveLength(1);
    expect(violations).toHaveLength(3);
  });
});
