// The repository rule: each src module with logic has its test at the mirrored path (src/a/b.ts → test/a/b.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Modules with logic that are exempt, each with its reason. Keep it empty unless a module truly cannot
 * have a test of its own; a stale entry (module gone, or now tested) fails the check below.
 */
const EXEMPT: Readonly<Record<string, string>> = {};

/** src/a/b.ts → test/a/b.test.ts */
function mirroredTestPath(sourcePath: string): string {
  return `test/${sourcePath.slice('src/'.length, -'.ts'.length)}.test.ts`;
}

/** True when the module declares a function or class at its top level (exported or not): logic a test can reach. */
function hasLogic(text: string, fileName = 'module.ts'): boolean {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return source.statements.some((statement) => {
    if (ts.isFunctionDeclaration(statement)) return statement.body !== undefined;
    if (ts.isClassDeclaration(statement)) return !(ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Ambient);
    if (ts.isExportAssignment(statement)) return isCallable(statement.expression);
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((declaration) => declaration.initializer !== undefined && isCallable(declaration.initializer));
    return false;
  });
}

function isCallable(expression: ts.Expression): boolean {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) || ts.isClassExpression(inner);
}

interface MirroredTestInput {
  /** Source modules, repository-relative with forward slashes (`src/a/b.ts`). */
  readonly sources: readonly string[];
  readonly read: (sourcePath: string) => string;
  readonly testExists: (testPath: string) => boolean;
  readonly exempt?: Readonly<Record<string, string>>;
}

/** The modules with logic and no test at the mirrored path, sorted; index.ts files and exempt modules are left out. */
function modulesWithoutMirroredTest(input: MirroredTestInput): string[] {
  const exempt = input.exempt ?? {};
  return input.sources
    .filter((path) => path.startsWith('src/') && path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.endsWith('/index.ts'))
    .filter((path) => !Object.hasOwn(exempt, path))
    .filter((path) => hasLogic(input.read(path), path) && !input.testExists(mirroredTestPath(path)))
    .sort();
}

function listSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

const repository: MirroredTestInput = {
  sources: listSources(join(root, 'src')),
  read: (path) => readFileSync(join(root, path), 'utf8'),
  testExists: (path) => existsSync(join(root, path)),
  exempt: EXEMPT,
};

describe('mirrored tests', () => {
  it('every src module with logic has its test at the mirrored path (src/a/b.ts → test/a/b.test.ts)', () => {
    expect(repository.sources.length).toBeGreaterThan(100);
    expect(modulesWithoutMirroredTest(repository)).toEqual([]);
  });

  it('every exemption names an existing module with logic and still untested, and gives a reason', () => {
    for (const [path, reason] of Object.entries(EXEMPT)) {
      expect(repository.sources, path).toContain(path);
      expect(hasLogic(repository.read(path)), path).toBe(true);
      expect(repository.testExists(mirroredTestPath(path)), path).toBe(false);
      expect(reason.trim().length, path).toBeGreaterThan(10);
    }
  });
});

describe('modulesWithoutMirroredTest', () => {
  const files: Record<string, string> = {
    'src/a/tested.ts': 'export function tested(): number { return 1; }',
    'src/a/new-module.ts': 'export function untested(): number { return 2; }',
    'src/a/types.ts': 'export interface Shape { readonly side: number }\nexport type Id = string;\nexport const LIMIT = 5;',
    'src/a/index.ts': 'export function viaIndex(): void {}',
    'src/b/helper.ts': 'function internal() { return 3; }\nexport const value = internal();',
    'src/b/arrow.ts': 'export const double = (value: number) => value * 2;',
    'src/b/klass.ts': 'export class Thing {}',
    'src/b/declared.ts': 'export declare function ambient(): void;\nexport declare class Ambient {}',
    'src/b/exempt.ts': 'export function exempted(): void {}',
  };
  const input = (sources: readonly string[], exempt: Record<string, string> = {}): MirroredTestInput => ({
    sources,
    read: (path) => files[path] ?? '',
    testExists: (path) => path === 'test/a/tested.test.ts',
    exempt,
  });

  it('fails when a new module with logic and no test is added', () => {
    expect(modulesWithoutMirroredTest(input(['src/a/tested.ts']))).toEqual([]);
    expect(modulesWithoutMirroredTest(input(['src/a/tested.ts', 'src/a/new-module.ts']))).toEqual(['src/a/new-module.ts']);
  });

  it('counts exported and top-level functions, arrow functions and classes as logic; types, constants, declarations and index.ts are not', () => {
    expect(modulesWithoutMirroredTest(input(Object.keys(files), { 'src/b/exempt.ts': 'a reason long enough' }))).toEqual(['src/a/new-module.ts', 'src/b/arrow.ts', 'src/b/helper.ts', 'src/b/klass.ts']);
  });

  it('maps a module to its mirrored test path', () => {
    expect(mirroredTestPath('src/store/list-records.ts')).toBe('test/store/list-records.test.ts');
    expect(mirroredTestPath('src/clock.ts')).toBe('test/clock.test.ts');
  });
});
