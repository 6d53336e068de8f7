import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = path.join(root, 'examples');

/** `file:line ruleId` for every message, in a stable order, so a test names exactly what fires where. */
function reportOf(results: ESLint10.LintResult[], base: string): string[] {
  return results
    .flatMap((result) => result.messages.map((m) => ({ file: path.relative(base, result.filePath), line: m.line, rule: m.ruleId ?? m.message })))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule))
    .map((m) => `${m.file}:${m.line} ${m.rule}`);
}

/** What the example app must report, rule by rule; the clean handler contributes nothing. */
const EXPECTED_EXAMPLE_REPORT = [
  'functions/account.js:8 serverless-security/no-timing-unsafe-compare',
  'functions/account.js:13 serverless-security/no-weak-crypto',
  'functions/account.js:17 serverless-security/no-insecure-randomness',
  'functions/api.js:11 serverless-security/no-sql-injection',
  'functions/api.js:11 serverless-security/no-unvalidated-event',
  'functions/api.js:17 serverless-security/no-unvalidated-event',
  'functions/api.js:19 serverless-security/no-error-leak',
  'functions/checkout.js:11 serverless-security/no-module-scope-user-data',
  'functions/checkout.js:12 serverless-security/no-direct-lambda-invoke',
  'functions/db.js:6 serverless-security/no-hardcoded-secrets',
  'functions/db.js:8 serverless-security/no-hardcoded-secrets',
  'functions/login.ts:6 serverless-security/no-sensitive-logging',
  'functions/login.ts:10 serverless-security/no-user-enumeration',
  'functions/login.ts:11 serverless-security/no-user-enumeration',
  'functions/login.ts:14 serverless-security/no-error-leak',
  'functions/rates.js:4 serverless-security/no-plain-http',
  'functions/report.js:5 serverless-security/no-unvalidated-event',
  'functions/report.js:6 serverless-security/no-dynamic-code',
  'functions/thumbnail.js:11 serverless-security/no-unvalidated-event',
  'functions/thumbnail.js:12 serverless-security/no-unsafe-deserialization',
  'functions/thumbnail.js:12 serverless-security/no-unvalidated-event',
  'functions/thumbnail.js:13 serverless-security/no-command-injection',
  'functions/thumbnail.js:14 serverless-security/no-sql-injection',
  'functions/thumbnail.js:15 serverless-security/no-nosql-injection',
  'infra/stack.ts:18 serverless-security/no-wildcard-iam',
  'infra/stack.ts:19 serverless-security/no-public-storage',
  'infra/stack.ts:21 serverless-security/no-unauthenticated-endpoint',
  'infra/stack.ts:25 serverless-security/no-permissive-cors',
];

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
});

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9 as unknown as typeof ESLint10],
])('%s, end to end on the published build', (_label, ESLint) => {
  it('reports exactly the known mistakes in examples/', async () => {
    const eslint = new ESLint({ cwd: examples });
    const results = await eslint.lintFiles(['.']);
    expect(reportOf(results, examples)).toEqual(EXPECTED_EXAMPLE_REPORT);
  });

  it.runIf(_label === 'ESLint 10')('gives the same report with --concurrency=2 (no state kept between files)', async () => {
    const serial = await new ESLint({ cwd: examples }).lintFiles(['.']);
    const parallel = await new ESLint({ cwd: examples, concurrency: 2 } as ConstructorParameters<typeof ESLint10>[0]).lintFiles(['.']);
    const full = (results: ESLint10.LintResult[]) =>
      results.flatMap((r) => r.messages.map((m) => `${path.relative(examples, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).sort();
    expect(full(parallel)).toEqual(full(serial));
    expect(full(parallel).length).toBe(EXPECTED_EXAMPLE_REPORT.length);
  });

  it.each(['cjs-config', 'esm-config'])('loads the plugin from %s', async (fixture) => {
    const cwd = path.join(root, 'test/fixtures', fixture);
    const results = await new ESLint({ cwd }).lintFiles(['handler.js']);
    expect(reportOf(results, cwd)).toEqual([
      'handler.js:1 serverless-security/no-dynamic-code',
      'handler.js:1 serverless-security/no-unvalidated-event',
    ]);
  });
});
