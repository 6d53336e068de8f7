import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

export interface RuleCases<M extends string, O extends readonly unknown[]> {
  /** Plain JavaScript: run under espree (what ESLint uses by default) and under the TypeScript parser. */
  valid: (ValidTestCase<O> | string)[];
  invalid: InvalidTestCase<M, O>[];
  /** TypeScript syntax: run under the TypeScript parser only. */
  tsValid?: (ValidTestCase<O> | string)[];
  tsInvalid?: InvalidTestCase<M, O>[];
}

const jsTester = new RuleTester({
  languageOptions: {
    parser: espree as never,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});
const tsTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** Runs one rule's cases under both parsers, so every rule is checked on JS and TS syntax alike. */
export function testRule<M extends string, O extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<M, O>,
  cases: RuleCases<M, O>,
): void {
  jsTester.run(`${name} (espree)`, rule as unknown as AnyRule, {
    valid: cases.valid as ValidTestCase<readonly unknown[]>[],
    invalid: cases.invalid as InvalidTestCase<string, readonly unknown[]>[],
  });
  tsTester.run(`${name} (typescript-eslint)`, rule as unknown as AnyRule, {
    valid: [...cases.valid, ...(cases.tsValid ?? [])] as ValidTestCase<readonly unknown[]>[],
    invalid: [...cases.invalid, ...(cases.tsInvalid ?? [])] as InvalidTestCase<string, readonly unknown[]>[],
  });
}
