import type { ContractTestApi } from '../../src/testing/contract-test-api';

/** One test a contract suite registered: its full name (suite > test) and its body. */
export interface CollectedTest {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/**
 * Runs a contract's registration with a recording `describe`/`it`, so a test can run the contract's
 * bodies itself, against a correct and a deliberately broken implementation.
 */
export function collectContract(register: (api: ContractTestApi) => void): CollectedTest[] {
  const tests: CollectedTest[] = [];
  const path: string[] = [];
  register({
    describe: (name, body) => {
      path.push(name);
      try {
        body();
      } finally {
        path.pop();
      }
    },
    it: (name, body) => {
      tests.push({ name: [...path, name].join(' > '), run: async () => body() });
    },
  });
  return tests;
}

/** The names of the collected tests that fail, in order. */
export async function failingTests(tests: readonly CollectedTest[]): Promise<string[]> {
  const failed: string[] = [];
  for (const test of tests) {
    try {
      await test.run();
    } catch {
      failed.push(test.name);
    }
  }
  return failed;
}

/** The collected tests whose name ends with one of `names`. */
export function pick(tests: readonly CollectedTest[], ...names: string[]): CollectedTest[] {
  const picked = tests.filter((test) => names.some((name) => test.name.endsWith(name)));
  if (picked.length !== names.length) throw new Error(`expected ${names.length} tests, found ${picked.length}`);
  return picked;
}
