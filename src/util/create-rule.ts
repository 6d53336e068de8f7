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
 *
 * The options merged with the defaults are remembered per configured value: `RuleCreator` clones and deep-merges them
 * again for every rule and every file, which cost more than some rules' whole work. Rules never change their options.
 */
export const createRule: typeof ruleCreator = (rule) => {
  const created = ruleCreator(rule);
  type Options = Parameters<typeof rule.create>[1];
  const merged = new Map<string, Options>();
  return {
    ...created,
    create(context) {
      if (context.sourceCode.ast?.type !== 'Program') return {};
      const key = JSON.stringify(context.options ?? []);
      let options = merged.get(key);
      if (!options) {
        options = ESLintUtils.applyDefault((rule.defaultOptions ?? []) as never, context.options as never) as Options;
        if (merged.size > 100) merged.clear();
        merged.set(key, options);
      }
      return rule.create(context, options!);
    },
  };
};
