/** Replaced at build time by tsup and vitest (`define`) with package.json's version. */
declare const __TOOLS_CORE_VERSION__: string | undefined;

/** The package version `tools-core --version` prints. */
export const TOOLS_CORE_VERSION: string = typeof __TOOLS_CORE_VERSION__ === 'string' ? __TOOLS_CORE_VERSION__ : '0.0.0-development';
