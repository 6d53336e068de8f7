import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rulesFor, type ConfigName } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

interface FlatConfig {
  name: string;
  plugins: Record<string, TSESLint.FlatConfig.Plugin>;
  rules: Record<string, TSESLint.SharedConfig.RuleEntry>;
}

interface ServerlessSecurityPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, FlatConfig>;
}

const plugin: ServerlessSecurityPlugin = {
  meta: { name, version, namespace: 'serverless-security' },
  rules,
  configs: {} as Record<ConfigName, FlatConfig>,
};

// Each config registers the plugin itself, so `export default [plugin.configs.recommended]` is a whole setup.
for (const config of ['recommended', 'strict'] as const) {
  plugin.configs[config] = {
    name: `serverless-security/${config}`,
    plugins: { 'serverless-security': plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesFor(rules, config),
  };
}

export { plugin as default, plugin as 'module.exports' };
