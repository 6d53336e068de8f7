import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { rulesFor, type ConfigName } from './configs.js';
import { JS_AND_TS_FILES, parser } from './parser.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** A shipped config: one object (not an array), so it goes anywhere a user writes a config object. */
export interface ServerlessSecurityConfig extends Linter.Config {
  name: string;
  files: string[];
  plugins: Record<string, ESLint.Plugin>;
  rules: Linter.RulesRecord;
}

/**
 * Typed with ESLint's own types (of the ESLint the user installs), so `defineConfig` and `Linter.Config[]` accept
 * the configs; the rules are typescript-eslint rule modules, which ESLint runs but its types do not describe.
 */
export interface ServerlessSecurityPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<keyof typeof rules, NonNullable<ESLint.Plugin['rules']>[string]>;
  configs: Record<ConfigName, ServerlessSecurityConfig>;
}

const plugin: ServerlessSecurityPlugin = {
  meta: { name, version, namespace: 'serverless-security' },
  rules: rules as unknown as ServerlessSecurityPlugin['rules'],
  configs: {} as Record<ConfigName, ServerlessSecurityConfig>,
};

// Each config registers the plugin and a parser for TypeScript files, so `export default [plugin.configs.recommended]`
// is a whole setup for a JavaScript or a TypeScript project.
for (const config of ['recommended', 'strict'] as const) {
  plugin.configs[config] = {
    name: `serverless-security/${config}`,
    files: [JS_AND_TS_FILES],
    languageOptions: { parser },
    plugins: { 'serverless-security': plugin },
    rules: rulesFor(rules, config),
  };
}

export { plugin as default, plugin as 'module.exports' };
