// Benchmark on the real corpus (the same files as the crash sweep): ESLint with js.configs.recommended alone (a),
// plus our recommended (b), plus our strict (c), plus eslint-plugin-security's recommended (d); interleaved file by file, several
// rounds, medians. Then per-rule timings, a scaling check on a synthetic handler file, and a 100 kB secrets scan.
// Usage: node scripts/bench.mjs [--files N] [--rounds R]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import js from '@eslint/js';
import { ESLint } from 'eslint';
import security from 'eslint-plugin-security';
import * as espree from 'espree';
import plugin from '../dist/index.js';
import { findCredential, looksLikeSecretValue } from '../dist/analysis/secrets.js';
import { corpusFiles, root } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const fileCount = option('--files', 3000);
const rounds = option('--rounds', 5);

// JavaScript files only, so every configuration parses the same files with the same parser.
const all = corpusFiles().filter((f) => /\.(js|mjs|cjs)$/.test(f));
const step = Math.max(1, Math.floor(all.length / fileCount));
const files = all.filter((_, i) => i % step === 0).slice(0, fileCount).map((f) => ({ filename: f.replace(/.*node_modules\//, 'corpus/'), code: readFileSync(f, 'utf8') }));
const lines = files.reduce((n, f) => n + f.code.split('\n').length, 0);

const base = { ...js.configs.recommended, files: ['**/*.{js,mjs,cjs}'] };
// Our configs keep espree for JavaScript only where typescript-eslint is not installed, and this repository has it:
// pin espree, as in a JavaScript project, so (b) and (c) parse exactly as (a) does.
const espreeAgain = { files: ['**/*.{js,mjs,cjs}'], languageOptions: { parser: espree } };
const configs = {
  a: [base],
  b: [base, plugin.configs.recommended, espreeAgain],
  c: [base, plugin.configs.strict, espreeAgain],
  d: [base, security.configs.recommended],
};

// One ESLint instance per configuration, as the CLI runs: configs are computed once and cached, not per file.
const engine = (config, extra = {}) =>
  new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, ignore: false, allowInlineConfig: false, ...extra });
const engines = Object.fromEntries(Object.entries(configs).map(([key, config]) => [key, engine(config)]));
const keys = Object.keys(configs);
const lintOne = async (key, file) => {
  const start = performance.now();
  // A crash is the sweep's business; keep timing comparable.
  await engines[key].lintText(file.code, { filePath: `${root}/.corpus/${file.filename}` }).catch(() => undefined);
  return performance.now() - start;
};

// Each file is linted by every configuration in turn, the order rotating from file to file, so garbage
// collection, caches and machine load fall on all configurations alike; a round is one pass over the files.
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const times = Object.fromEntries(keys.map((key) => [key, []]));
// Per file and configuration, the fastest of the rounds: a pause caused by something else (a collection of garbage
// another configuration left, the OS) only ever adds time, so the minimum is the steadiest estimate of the cost.
const fastest = Object.fromEntries(keys.map((key) => [key, files.map(() => Infinity)]));
for (const file of files.slice(0, 200)) for (const key of keys) await lintOne(key, file); // warm-up: JIT, module loading
for (let round = 0; round < rounds; round++) {
  const total = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const [i, file] of files.entries()) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(i + round + k) % keys.length];
      const t = await lintOne(key, file);
      total[key] += t;
      fastest[key][i] = Math.min(fastest[key][i], t);
    }
  }
  for (const key of keys) times[key].push(total[key]);
}
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const f = Object.fromEntries(Object.entries(fastest).map(([k, v]) => [k, v.reduce((x, y) => x + y, 0)]));
console.log(`corpus: ${files.length} JS files, ${lines} lines; ${rounds} rounds, configurations interleaved per file`);
console.log('                                            median of rounds          sum of per-file fastest');
const row = (key, label) =>
  console.log(
    `(${key}) ${label.padEnd(40)} ${m[key].toFixed(0).padStart(7)} ms${key === 'a' ? '             ' : `   ${key}/a = ${(m[key] / m.a).toFixed(3)}`}` +
      `   ${f[key].toFixed(0).padStart(7)} ms${key === 'a' ? '' : `   ${key}/a = ${(f[key] / f.a).toFixed(3)}`}`,
  );
row('a', 'js recommended');
row('b', '(a) + serverless-security recommended');
row('c', '(a) + serverless-security strict');
row('d', '(a) + eslint-plugin-security');

// Per-rule time, as ESLint measures it (`stats: true`), for configs (b) and (c). The budget is our rules' time as a
// share of (a)'s; both are taken in the same loop, file by file and round by round, and each file counts with its
// fastest round, so load from elsewhere (which only ever adds time) falls out of the ratio.
const statsEngines = { b: engine(configs.b, { stats: true }), c: engine(configs.c, { stats: true }) };
const ourRules = (result) => {
  const perRule = {};
  for (const pass of result?.stats?.times.passes ?? []) {
    for (const [rule, { total }] of Object.entries(pass.rules ?? {})) if (rule.startsWith('serverless-security/')) perRule[rule] = (perRule[rule] ?? 0) + total;
  }
  return perRule;
};
const fastestA = files.map(() => Infinity);
const fastestRules = { b: files.map(() => null), c: files.map(() => null) };
const sumOf = (perRule) => Object.values(perRule).reduce((n, ms) => n + ms, 0);
for (let round = 0; round < rounds; round++) {
  for (const [i, file] of files.entries()) {
    fastestA[i] = Math.min(fastestA[i], await lintOne('a', file));
    // The order of (b) and (c) alternates, so neither always runs right after (a).
    for (const key of (i + round) % 2 ? ['c', 'b'] : ['b', 'c']) {
      const [result] = await statsEngines[key].lintText(file.code, { filePath: `${root}/.corpus/${file.filename}` }).catch(() => [undefined]);
      const perRule = ourRules(result);
      if (!fastestRules[key][i] || sumOf(perRule) < sumOf(fastestRules[key][i])) fastestRules[key][i] = perRule;
    }
  }
}
const aFastest = fastestA.reduce((n, ms) => n + ms, 0);
for (const key of ['b', 'c']) {
  const perRule = {};
  for (const file of fastestRules[key]) for (const [rule, ms] of Object.entries(file ?? {})) perRule[rule] = (perRule[rule] ?? 0) + ms;
  const ours = Object.entries(perRule).sort((x, y) => y[1] - x[1]);
  const sum = ours.reduce((n, [, ms]) => n + ms, 0);
  console.log(`\nper-rule time (config ${key}), per-file fastest of ${rounds} rounds, share of (a) measured alongside (${aFastest.toFixed(0)} ms):`);
  for (const [rule, ms] of ours) console.log(`  ${rule.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms  ${((ms / aFastest) * 100).toFixed(2)} %`);
  console.log(`  our ${ours.length} rules together: ${sum.toFixed(0)} ms, ${((sum / aFastest) * 100).toFixed(2)} % of (a)`);
}

// Scaling: one synthetic handler file, repeated.
const block = (i) => `
export const handler${i} = async (event, context) => {
  const body = JSON.parse(event.body);
  const id = event.pathParameters?.id;
  if (!isValidOrder(body)) return { statusCode: 400, body: 'bad request' };
  try {
    const rows = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
    logger.info('loaded', { count: rows.length, requestId: context.awsRequestId });
    return { statusCode: 200, body: JSON.stringify({ rows, name: body.name }) };
  } catch (err) {
    logger.error('failed', err);
    return { statusCode: 500, body: 'Internal server error' };
  }
};
`;
console.log('\nscaling (one handler file, config c):');
for (const factor of [1, 10, 100, 400]) {
  const code = Array.from({ length: factor }, (_, i) => block(i)).join('\n');
  const samples = [];
  await lintOne('c', { code, filename: 'scale.js' }); // warm-up
  for (let r = 0; r < 9; r++) samples.push(await lintOne('c', { code, filename: 'scale.js' }));
  const t = median(samples);
  console.log(`  ${String(factor).padStart(3)}x  ${String(code.split('\n').length).padStart(5)} lines  ${t.toFixed(1).padStart(6)} ms  ${(t / factor).toFixed(2)} ms per handler`);
}

// The secrets patterns on a 100 kB adversarial string: they must stay linear.
const nasty = ['a'.repeat(100_000), 'AKIA'.repeat(25_000), 'postgres://' + 'a:'.repeat(50_000), 'eyJ'.repeat(33_000) + '.', '-'.repeat(100_000)];
const start = performance.now();
for (const s of nasty) {
  findCredential(s);
  looksLikeSecretValue(s, { minLength: 8, minEntropy: 3 });
}
console.log(`\nsecrets catalogue on 5 adversarial 100 kB strings: ${(performance.now() - start).toFixed(1)} ms`);
