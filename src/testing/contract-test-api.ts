/**
 * The two functions a contract suite needs from the host's test runner. Vitest, Jest, Mocha and
 * `node:test` all provide them, so the suites assert with `node:assert` and run under any of them.
 */
export interface ContractTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
}
