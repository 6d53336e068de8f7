// Fuzzing: random programs (eslump) linted by every rule (strict options) under espree and the TypeScript parser.
// Counts rule exceptions (must be 0) and suggestions whose output no longer parses (must be 0).
// Usage: node scripts/fuzz.mjs [--count N] [--seed S]   (program i is generated from seed S + i, so
// `--seed <S + i> --count 1` reproduces it alone)
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { generateRandomJS } from 'eslump';

/** Names our rules look for, so random code reaches handlers, sources, sinks and responses, not only the walker. */
const VOCABULARY = [
  'event', 'context', 'callback', 'req', 'res', 'body', 'query', 'params', 'headers', 'pathParameters', 'Records',
  'exec', 'execSync', 'spawn', 'eval', 'Function', 'setTimeout', 'vm', 'runInNewContext', 'Script', 'send', 'json',
  'client', 'db', 'PutCommand', 'QueryCommand', 'Item', 'KeyConditionExpression', 'FilterExpression', 'find',
  'password', 'token', 'secret', 'apiKey', 'console', 'log', 'process', 'env', 'JSON', 'parse', 'stringify',
  'handler', 'statusCode', 'error', 'err', 'stack', 'message', 'ACL', 'Bucket', 'publicReadAccess',
  'grantPublicAccess', 'PolicyStatement', 'actions', 'resources', 'Effect', 'Action', 'Resource', 'Principal',
  'fetch', 'url', 'http', 'sql', 'raw', 'invoke', 'FunctionName', 'unserialize', 'load', 'cache', 'users',
];

/** Imports (of names in the vocabulary) and a handler around the random code, so resolver and handler finder take part. */
const MODULE_PRELUDE = [
  "import { exec, execSync, spawn } from 'node:child_process';",
  "import vm from 'node:vm';",
  "import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  "import { PutObjectCommand } from '@aws-sdk/client-s3';",
  "import { PolicyStatement } from 'aws-cdk-lib/aws-iam';",
].join('\n');
const moduleWith = (code, sinks) =>
  `${MODULE_PRELUDE}\n${code}\nexport const handler = async (event, context) => {\n${sinks}\n` +
  '  return { statusCode: 200, body: JSON.stringify(event.body) };\n};\n';
const scriptWith = (code, sinks) =>
  "const { exec, execSync, spawn } = require('child_process');\nconst vm = require('vm');\n" +
  "const { PutObjectCommand } = require('@aws-sdk/client-s3');\n" +
  `exports.handler = function (event, context, callback) {\n${code}\n${sinks}\n};\n`;

/**
 * Places with a suggestion, fed expressions cut from the random program: a suggestion rewrites around the
 * expression, which is where precedence and quoting go wrong.
 */
const SINKS = [
  (e) => `eval(${e});`,
  (e) => `exec('convert ' + ${e} + ' out.png');`,
  (e) => `exec(\`convert \${${e}} out.png\`);`,
  (e) => `db.query('SELECT * FROM users WHERE id = ' + ${e});`,
  (e) => `db.query(\`SELECT * FROM users WHERE id = \${${e}}\`);`,
  (e) => `fetch(\`http://api.example.com/\${${e}}\`);`,
  (e) => `s3.send(new PutObjectCommand({ Bucket: ${e}, Key: 'k', ACL: 'public-read' }));`,
];

function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** eslump draws from Math.random; lend it a seeded one for one program. */
function generate(random, sourceType) {
  const original = Math.random;
  Math.random = random;
  try {
    return generateRandomJS({ sourceType, maxDepth: 7, comments: random() < 0.3 });
  } finally {
    Math.random = original;
  }
}

const parses = (code, sourceType) => {
  try {
    espree.parse(code, { ecmaVersion: 'latest', sourceType });
    return true;
  } catch {
    return false;
  }
};

/** Gives distinct identifiers distinct names from the vocabulary (about two in three), keeping the program valid. */
function withVocabulary(code, random, sourceType) {
  const ast = espree.parse(code, { ecmaVersion: 'latest', sourceType, range: true });
  const identifiers = [];
  (function walk(node) {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier') identifiers.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range') continue;
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  })(ast);
  identifiers.sort((a, b) => b.range[0] - a.range[0]);
  for (let attempt = 0; attempt < 5; attempt++) {
    const unused = VOCABULARY.filter((word) => !code.includes(word));
    const renamed = new Map();
    for (const { name } of identifiers) {
      if (renamed.has(name)) continue;
      const pick = unused.length > 0 && random() < 0.66 ? unused.splice(Math.floor(random() * unused.length), 1)[0] : name;
      renamed.set(name, pick);
    }
    let out = code;
    for (const { range, name } of identifiers) out = out.slice(0, range[0]) + renamed.get(name) + out.slice(range[1]);
    if (parses(out, sourceType)) return out;
  }
  return code;
}

/** Source texts of the program's expressions, for the sinks. */
function expressionsOf(code, sourceType) {
  const found = [];
  (function walk(node) {
    if (!node || typeof node.type !== 'string') return;
    if (/Expression$|^Identifier$|^Literal$/.test(node.type) && node.range[1] - node.range[0] < 200) {
      found.push(code.slice(node.range[0], node.range[1]));
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range') continue;
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  })(espree.parse(code, { ecmaVersion: 'latest', sourceType, range: true }));
  return found;
}

/** A random program that espree accepts (eslump's often break an early-error rule), with names from the vocabulary. */
function program(random, sourceType, wrap) {
  const wrappedType = sourceType === 'script' ? 'commonjs' : 'module';
  for (let attempt = 0; attempt < 50; attempt++) {
    const generated = generate(random, sourceType);
    if (!parses(generated, sourceType)) continue;
    const code = withVocabulary(generated, random, sourceType);
    const expressions = expressionsOf(code, sourceType);
    const sinks = [];
    for (let i = 0; i < 3 && expressions.length > 0; i++) {
      const sink = SINKS[Math.floor(random() * SINKS.length)](expressions[Math.floor(random() * expressions.length)]);
      if (parses(wrap(code, [...sinks, sink].join('\n')), wrappedType)) sinks.push(sink);
    }
    const wrapped = wrap(code, sinks.join('\n'));
    if (parses(wrapped, wrappedType)) return wrapped;
  }
  return wrap('', '');
}

/** The programs for one seed: a module with imports and a handler, and a script inside a CommonJS handler. */
export function programsFor(seed) {
  const random = seededRandom(seed);
  return [
    { name: 'module', code: program(random, 'module', moduleWith), files: ['fuzz.mjs', 'fuzz.mts'] },
    { name: 'script', code: program(random, 'script', scriptWith), files: ['fuzz.cjs', 'fuzz.cts'] },
  ];
}

/**
 * Lints `count` seeds' programs. Returns the figures and every failure with what reproduces it. `plugin` is passed
 * in so the test can use the sources and the CLI the build.
 */
export async function fuzz({ plugin, count, seed }) {
  const files = ['**/*.{mjs,mts,cjs,cts}'];
  const ts = { files: ['**/*.{mts,cts}'], languageOptions: { parser: tsParser } };
  const cjs = { files: ['**/*.{cjs,cts}'], languageOptions: { sourceType: 'commonjs' } };
  const base = { overrideConfigFile: true, ignore: false, allowInlineConfig: false };
  const withRules = new ESLint({
    ...base,
    overrideConfig: [{ files }, ts, cjs, { files, plugins: { 'serverless-security': plugin }, rules: plugin.configs.strict.rules }],
  });
  const parseOnly = new ESLint({ ...base, overrideConfig: [{ files }, ts, cjs] });
  const figures = { seeds: count, lints: 0, unparsable: 0, reports: 0, suggestions: 0, exceptions: [], brokenSuggestions: [] };
  for (let i = 0; i < count; i++) {
    for (const program of programsFor(seed + i)) {
      for (const filePath of program.files) {
        const where = { seed: seed + i, program: program.name, filePath };
        let result;
        try {
          [result] = await withRules.lintText(program.code, { filePath });
        } catch (error) {
          figures.exceptions.push({ ...where, error: String(error?.message ?? error).split('\n').slice(0, 4).join(' | ') });
          continue;
        }
        figures.lints++;
        if (result.messages.some((m) => m.fatal)) {
          figures.unparsable++;
          continue;
        }
        figures.reports += result.messages.length;
        for (const message of result.messages) {
          for (const suggestion of message.suggestions ?? []) {
            figures.suggestions++;
            const { range, text } = suggestion.fix;
            const output = program.code.slice(0, range[0]) + text + program.code.slice(range[1]);
            const [check] = await parseOnly.lintText(output, { filePath });
            const fatal = check.messages.find((m) => m.fatal);
            if (fatal) figures.brokenSuggestions.push({ ...where, rule: message.ruleId, suggestion: suggestion.desc, error: fatal.message });
          }
        }
      }
    }
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const count = option('--count', 1000);
  const seed = option('--seed', 1);
  const { default: plugin } = await import('../dist/index.js');
  const started = performance.now();
  const figures = await fuzz({ plugin, count, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`seeds ${count} (from ${seed}), programs ${count * 2}, lints ${figures.lints} (espree and TypeScript parser), ` +
    `unparsable ${figures.unparsable}, reports ${figures.reports}, suggestions checked ${figures.suggestions}, ${seconds} s`);
  console.log(`rule exceptions: ${figures.exceptions.length}; suggestions that do not parse: ${figures.brokenSuggestions.length}`);
  for (const failure of [...figures.exceptions, ...figures.brokenSuggestions]) console.log(JSON.stringify(failure));
  process.exitCode = figures.exceptions.length + figures.brokenSuggestions.length > 0 ? 1 : 0;
}
