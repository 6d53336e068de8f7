import { ESLintUtils } from '@typescript-eslint/utils';

export const REPO_URL = 'https://github.com/serverless-security/eslint-plugin-serverless-security';

/** Which shipped config a rule joins; `false` marks an opt-in rule that no config enables. */
export interface PluginDocs {
  recommended: 'recommended' | 'strict' | false;
  /** CWE identifiers the rule guards against, for docs and SARIF readers. */
  cwe?: string[];
  /** Options the `strict` config turns on for this rule (it uses the defaults elsewhere). */
  strictOptions?: Record<string, unknown>;
}

const ruleCreator = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * Every rule reads a JavaScript tree. With `@eslint/json`, `@eslint/markdown` or `@eslint/css` in the same run, a
 * config without `files` also hands our rules those files, whose trees have no `Program`: such a rule stays quiet
 * instead of aborting the whole run.
 */
export const createRule: typeof ruleCreator = (rule) =>
  ruleCreator({
    ...rule,
    create: (context, options) => (context.sourceCode.ast?.type === 'Program' ? rule.create(context, options) : {}),
  });
