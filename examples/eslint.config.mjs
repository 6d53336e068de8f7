// The example app's lint setup, written the way a user of the plugin writes theirs.
import serverlessSecurity from 'eslint-plugin-serverless-security';
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  serverlessSecurity.configs.strict,
];
