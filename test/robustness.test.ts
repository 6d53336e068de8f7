import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules as ruleModules } from '../src/rules/index.js';
import { corpusFiles } from '../scripts/corpus.mjs';

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`serverless-security/${id}`, 'error' as const]));

function lint(code: string, filename: string, rules: Record<string, unknown> = ALL_RULES): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      { files: ['**/*.{ts,tsx,mts}'], languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      { files: ['**/*'], plugins: { 'serverless-security': plugin as never }, rules: rules as never },
    ],
    filename,
  );
}

/** Odd but valid syntax every rule must lint without throwing. [name, code, extension] */
const ODD_SYNTAX: Array<[string, string, string]> = [
  ['empty file', '', 'js'],
  ['only comments', '// nothing\n/* here */', 'js'],
  ['hashbang', '#!/usr/bin/env node\nexports.handler = async (event) => event;', 'cjs'],
  ['decorators', 'class A { @dec() method(@inject() x) {} @field value = 1; }', 'ts'],
  ['using declarations', 'export const handler = async (event) => { await using res = open(event.body); using other = get(); };', 'ts'],
  ['class private fields', 'class S { #secret = "x"; static #count = 0; get #v() { return this.#secret; } has(o) { return #secret in o; } }', 'js'],
  ['optional chaining everywhere', 'export const handler = async (event) => event?.body?.[0]?.x?.(event?.headers?.["a"])?.y;', 'js'],
  ['computed member names', 'const k = "handler"; exports[k] = async (event) => db[event.body](event[k]);', 'js'],
  ['very long line', `const x = [${Array.from({ length: 5000 }, (_, i) => `"v${i}"`).join(',')}];`, 'js'],
  ['deeply nested expressions', `exports.handler = async (event) => ${'('.repeat(300)}event.body${')'.repeat(300)};`, 'js'],
  ['deeply nested calls', `exports.handler = async (event) => ${'f('.repeat(200)}event.body${')'.repeat(200)};`, 'js'],
  ['JSX', 'export default function handler(req, res) { return <div title={req.query.x}>{req.body}</div>; }', 'jsx'],
  ['TSX', 'export default function Page({ apiKey = "k9Xq2Lm8Pz" }: { apiKey?: string }) { return <Widget apiKey="q8Lz3Vw1Tn6Rk9Pm" />; }', 'tsx'],
  ['declare module', 'declare module "aws-lambda" { interface Event { body: string } }\ndeclare global { var cache: Map<string, string>; }', 'ts'],
  ['type-only file', 'export type Handler = (event: { body: string }) => Promise<void>;\nexport interface Secret { password: "x" }', 'ts'],
  ['enums and namespaces', 'enum E { Password = "Zx9-qPw7!mK2" }\nnamespace N { export const handler = async (event: any) => event.body; }', 'ts'],
  ['import equals and export assignment', 'import fs = require("fs");\nexport = async (event: any) => fs.readFileSync(event.body);', 'ts'],
  ['generators and async iteration', 'exports.handler = async function* (event) { for await (const r of event.Records) yield* r.body; };', 'js'],
  ['getters and setters in exports', 'module.exports = { get handler() { return async (event) => event.body; }, set handler(v) {} };', 'js'],
  ['labels, with-less sloppy code', 'outer: for (const a of b) { continue outer; }', 'js'],
  ['destructuring with defaults and rest', 'exports.handler = async ({ body = "{}", ...rest } = {}, [a, ...b] = []) => save(body, rest, a, b);', 'js'],
  ['self-referencing handler', 'exports.handler = async function h(event) { return h(event.body); };', 'js'],
  ['recursive helpers', 'function a(x) { return b(x); } function b(y) { return a(y); } exports.handler = async (event) => a(event.body);', 'js'],
  ['reassigned handler export', 'let h = async (event) => event.body; h = wrap(h); exports.handler = h;', 'js'],
  ['satisfies and non-null', 'export const handler = (async (event) => db.q(event.body!)) satisfies Fn;', 'ts'],
  ['abstract class handler', 'import type { LambdaInterface } from "@aws-lambda-powertools/commons/types";\nabstract class A implements LambdaInterface { abstract handler(event: unknown): Promise<void>; }', 'ts'],
];

describe('odd but valid syntax: every rule, no crash', () => {
  it.each(ODD_SYNTAX)('%s', (_name, code, extension) => {
    const messages = lint(code, `odd.${extension}`);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });
});

describe('options: a wrong option is a clear configuration error', () => {
  for (const [id, rule] of Object.entries(ruleModules)) {
    const schema = rule.meta.schema as unknown[];
    const properties = Object.keys((schema[0] as { properties?: object } | undefined)?.properties ?? {});
    it(`${id} rejects an unknown key`, () => {
      expect(() => lint('x', 'a.js', { [`serverless-security/${id}`]: ['error', { notAnOption: true }] })).toThrow(
        new RegExp(`serverless-security/${id}`),
      );
    });
    if (properties.length > 0) {
      it(`${id} rejects a wrong type for ${properties[0]}`, () => {
        expect(() => lint('x', 'a.js', { [`serverless-security/${id}`]: ['error', { [properties[0]!]: { wrong: 'type' } }] })).toThrow(
          /invalid|should be|must be/i,
        );
      });
    }
  }
});

describe('crash sweep slice: real files from installed packages, every rule, both parsers', () => {
  const files = corpusFiles();
  const slice = files.filter((_, i) => i % Math.floor(files.length / 200) === 0).slice(0, 200);
  it('has a corpus to sweep', () => {
    expect(slice.length).toBeGreaterThanOrEqual(150);
  });
  it.each(slice.map((f) => [f.replace(/.*node_modules\//, ''), f]))('%s', (_label, file) => {
    const code = readFileSync(file, 'utf8');
    const ts = /\.[mc]?tsx?$/.test(file);
    expect(() => lint(code, ts ? 'corpus.ts' : 'corpus.js')).not.toThrow();
    if (!ts) expect(() => lint(code, 'corpus-as.ts')).not.toThrow();
  });
});
