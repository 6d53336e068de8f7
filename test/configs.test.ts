// The shipped configs in the projects users have: several languages in one run, plain JavaScript, and a project that
// already configures typescript-eslint. Under ESLint 10 and ESLint 9.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = path.join(root, 'test/fixtures');

function reportOf(results: ESLint10.LintResult[], base: string): string[] {
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(base, r.filePath)}:${m.line} ${m.ruleId ?? `fatal: ${m.message}`}`))
    .sort();
}

/** A folder outside this repository, where no typescript-eslint is installed. */
const outside = mkdtempSync(path.join(tmpdir(), 'serverless-security-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9 as unknown as typeof ESLint10],
])('%s', (_label, ESLint) => {
  it('lints JSON and Markdown (@eslint/json, @eslint/markdown) in the same run as the handlers', async () => {
    const cwd = path.join(fixtures, 'mixed-languages');
    const results = await new ESLint({ cwd }).lintFiles(['.']);
    expect(reportOf(results, cwd)).toEqual([
      'README.md:3 markdown/no-empty-links',
      'handler.js:1 serverless-security/no-dynamic-code',
      'handler.js:1 serverless-security/no-unvalidated-event',
      'settings.json:3 json/no-duplicate-keys',
    ]);
  });

  it('parses TypeScript with the TypeScript parser and JavaScript with ESLint’s own, where typescript-eslint is absent', async () => {
    writeFileSync(path.join(outside, 'handler.ts'), 'export const handler = async (event: { body: string }) => eval(event.body);\n');
    // Type annotations in a .js file: espree rejects them (the TypeScript parser would not).
    writeFileSync(path.join(outside, 'typed.js'), 'export const handler = async (event: unknown) => event;\n');
    const eslint = new ESLint({ cwd: outside, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const report = reportOf(await eslint.lintFiles(['.']), outside);
    expect(report).toEqual([
      'handler.ts:1 serverless-security/no-dynamic-code',
      'handler.ts:1 serverless-security/no-unvalidated-event',
      "typed.js:1 fatal: Parsing error: Unexpected token :",
    ]);
  });

  it('changes nothing but its own reports in a type-checked typescript-eslint project, listed after it', async () => {
    const cwd = path.join(fixtures, 'typescript-eslint-project');
    const theirs = tseslint.config(js.configs.recommended, tseslint.configs.recommendedTypeChecked, {
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: cwd } },
      // Reads TypeScript-only AST fields: it throws on a tree that espree built.
      rules: { '@typescript-eslint/no-useless-constructor': 'error' },
    });
    const lint = async (config: unknown[]) =>
      reportOf(await new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config as never }).lintFiles(['.']), cwd);
    const before = await lint(theirs);
    const after = await lint([...theirs, plugin.configs.recommended]);
    expect(before).toContain('handler.ts:7 @typescript-eslint/no-floating-promises');
    expect(before).toContain('legacy.js:3 @typescript-eslint/no-useless-constructor');
    expect(after.filter((line) => !line.includes('serverless-security/'))).toEqual(before);
    expect(after.filter((line) => line.includes('serverless-security/'))).toEqual([
      'handler.ts:8 serverless-security/no-dynamic-code',
      'handler.ts:8 serverless-security/no-unvalidated-event',
    ]);
  });
});
