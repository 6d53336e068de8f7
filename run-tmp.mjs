import { ESLint } from 'eslint';
import plugin from '/work/main/dist/index.js';
import tsParser from '@typescript-eslint/parser';
const eslint = new ESLint({ cwd: '/work/main', overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.strict] });
const results = await eslint.lintFiles(process.argv.slice(2));
for (const r of results) for (const m of r.messages) console.log(`${r.filePath.split('/').pop()}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
