// Crash sweep: lints the real-world corpus with every rule of the plugin on, through the real ESLint class, with
// both parsers. Prints files linted, rule exceptions (must be 0), parse failures (not ours), and reports per rule
// per 10k lines (a false-alarm signal). Usage: node scripts/sweep.mjs [--slice N] [--samples] [--show RULE]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../dist/index.js';
import { cdkSamples, corpusFiles, readmeSamples, root } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const slice = Number(option('--slice') ?? 0);
const show = option('--show');

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`serverless-security/${id}`, 'error']));
const config = [
  { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { plugins: { 'serverless-security': plugin }, rules: allRules, linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
// The same JS files again through the TypeScript parser, which builds a slightly different tree.
const tsOnJs = [{ files: ['**/*'], languageOptions: { parser: tsParser } }, ...config.slice(3)];

const engineOptions = { cwd: root, overrideConfigFile: true, ignore: false, allowInlineConfig: false };
const eslint = new ESLint({ ...engineOptions, overrideConfig: config });
const eslintTs = new ESLint({ ...engineOptions, overrideConfig: tsOnJs });

/** Lints one text; returns its messages, or the exception a rule threw. */
export async function lintOne(engine, code, filePath) {
  try {
    const [result] = await engine.lintText(code, { filePath, warnIgnored: true });
    const messages = result?.messages ?? [];
    // A corpus file that ESLint skipped would pass silently; fail loudly instead.
    if (messages.some((m) => !m.ruleId && /ignored/i.test(m.message))) throw new Error(`not linted: ${messages[0].message}`);
    return { messages };
  } catch (error) {
    return { exception: error };
  }
}

async function sweep(name, items, engineFor) {
  const stats = { files: 0, lines: 0, parseFailures: 0, exceptions: [], perRule: {}, shown: [] };
  for (const item of items) {
    const { messages, exception } = await lintOne(engineFor(item), item.code, item.filePath);
    stats.files++;
    stats.lines += item.code.split('\n').length;
    if (exception) {
      stats.exceptions.push(`${item.label}: ${String(exception.message).split('\n')[0]}`);
      continue;
    }
    for (const m of messages) {
      if (m.fatal) {
        stats.parseFailures++;
        continue;
      }
      if (!m.ruleId) continue;
      stats.perRule[m.ruleId] = (stats.perRule[m.ruleId] ?? 0) + 1;
      if (show && m.ruleId.endsWith(show)) stats.shown.push(`${item.label}:${m.line}:${m.column} ${m.message.slice(0, 120)}`);
    }
  }
  console.log(`\n== ${name}`);
  console.log(`files linted: ${stats.files}   lines: ${stats.lines}   parse failures (not ours): ${stats.parseFailures}`);
  console.log(`rule exceptions: ${stats.exceptions.length}`);
  for (const e of stats.exceptions.slice(0, 20)) console.log(`  ! ${e}`);
  const total = Object.values(stats.perRule).reduce((a, b) => a + b, 0);
  console.log(`reports: ${total} (${((total / stats.lines) * 10_000).toFixed(2)} per 10k lines)`);
  for (const [rule, count] of Object.entries(stats.perRule).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${rule.padEnd(48)} ${String(count).padStart(6)}  ${((count / stats.lines) * 10_000).toFixed(2)} /10k lines`);
  }
  for (const line of stats.shown.slice(0, 60)) console.log(`  > ${line}`);
  return stats;
}

// Linted under a virtual path outside node_modules, which ESLint would otherwise skip.
const virtual = (label) => path.join(root, '.corpus', label);
const toItem = (file) => {
  const label = path.relative(path.join(root, 'node_modules'), file);
  return { label, filePath: virtual(label), code: readFileSync(file, 'utf8') };
};

let files = corpusFiles();
if (slice > 0) files = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / slice)) === 0).slice(0, slice);
const items = files.map(toItem);
const jsItems = items.filter((i) => /\.(js|mjs|cjs)$/.test(i.filePath));
const samples = readmeSamples().map((s) => ({ label: s.file, filePath: virtual(`samples/${s.file}`), code: s.code }));

const results = [];
results.push(await sweep('corpus (espree for JS, typescript-eslint for TS)', items, () => eslint));
results.push(await sweep('corpus JS files through typescript-eslint', slice > 0 ? jsItems : jsItems.filter((_, i) => i % 4 === 0), () => eslintTs));
results.push(await sweep("maintainers' handler examples from READMEs (clean serverless code)", samples, () => eslint));
if (slice === 0) {
  const cdk = cdkSamples().map((s) => ({ label: s.file, filePath: virtual(`samples/${s.file}`), code: s.code }));
  results.push(await sweep("CDK maintainers' examples from aws-cdk-lib's READMEs (clean infrastructure code)", cdk, () => eslint));
}

const exceptions = results.reduce((n, r) => n + r.exceptions.length, 0);
console.log(`\ntotal files linted: ${results.reduce((n, r) => n + r.files, 0)}, rule exceptions: ${exceptions}`);
process.exitCode = exceptions > 0 ? 1 : 0;
