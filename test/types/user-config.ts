// An eslint.config.ts as users write it, type-checked against the published declarations (npm run typecheck:types).
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import serverlessSecurity from 'eslint-plugin-serverless-security';
import tseslint from 'typescript-eslint';

export const viaDefineConfig = defineConfig([serverlessSecurity.configs.recommended, serverlessSecurity.configs.strict]);
export const asArray: Linter.Config[] = [serverlessSecurity.configs.recommended];
export const one: Linter.Config = serverlessSecurity.configs.strict;
export const withOverrides: Linter.Config[] = [
  serverlessSecurity.configs.recommended,
  { rules: { 'serverless-security/no-plain-http': ['error', { allowHosts: ['localhost'] }] } },
];
export const byHand = defineConfig({ plugins: { 'serverless-security': serverlessSecurity }, rules: {} });
export const plugin: ESLint.Plugin = serverlessSecurity;
export const withTypescriptEslint = tseslint.config(...tseslint.configs.recommended, serverlessSecurity.configs.recommended);
