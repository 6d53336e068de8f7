// The example app's lint setup, written the way a user of the plugin writes theirs: the config parses the
// TypeScript files itself; the JavaScript handlers here are CommonJS.
import serverlessSecurity from 'eslint-plugin-serverless-security';

export default [
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  serverlessSecurity.configs.strict,
];
