// The real-world corpus for the crash sweep and the benchmark: source files of packages installed as dev
// dependencies (AWS SDK v3 clients, Powertools, middy, web frameworks, typescript-eslint…), plus the handler
// examples their maintainers wrote in their READMEs — real, clean serverless code we did not write.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const modules = path.join(root, 'node_modules');

/** Packages (or scopes) whose READMEs hold handler examples. The file corpus is every installed package. */
export const CORPUS_PACKAGES = [
  '@aws-sdk', '@smithy', '@aws-lambda-powertools', '@middy', '@azure/functions', '@google-cloud/functions-framework',
  'express', 'koa', '@koa', 'fastify', '@fastify', 'hono', 'serverless-http', '@vendia', 'zod', 'eslint-plugin-security',
  '@typescript-eslint', 'typescript-eslint', 'eslint', 'espree', 'vitest', '@vitest',
];
const EXTENSIONS = /\.(?:js|mjs|cjs|ts|mts|cts|jsx|tsx)$/;
const MAX_BYTES = 400_000; // bundles above this are generated code, not what users write

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' && dir !== modules) continue;
      yield* walk(full);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name)) {
      yield full;
    }
  }
}

/** Every corpus file, sorted, so a slice of it is the same on every machine with the same lock file. */
export function corpusFiles() {
  const files = [];
  for (const name of readdirSync(modules).filter((n) => !n.startsWith('.'))) {
    for (const file of walk(path.join(modules, name))) {
      if (statSync(file).size <= MAX_BYTES) files.push(file);
    }
  }
  return [...new Set(files)].sort();
}

/** Code blocks from the corpus packages' READMEs that contain a handler: maintainers' own usage examples. */
export function readmeSamples() {
  const samples = [];
  for (const name of CORPUS_PACKAGES) {
    const dir = path.join(modules, name);
    const readmes = [];
    for (const candidate of [dir, ...safeList(dir).map((d) => path.join(dir, d))]) {
      const readme = path.join(candidate, 'README.md');
      try {
        readmes.push({ file: readme, text: readFileSync(readme, 'utf8') });
      } catch {
        /* no README */
      }
    }
    for (const { file, text } of readmes) {
      const fence = /```(js|javascript|ts|typescript|mjs)\n([\s\S]*?)```/g;
      let match;
      let index = 0;
      while ((match = fence.exec(text))) {
        const code = match[2];
        index++;
        if (!/handler|exports\.|export (const|default|async)/.test(code)) continue;
        const ts = match[1].startsWith('t');
        samples.push({ file: `${path.relative(modules, file)}#${index}.${ts ? 'ts' : 'js'}`, code, ts });
      }
    }
  }
  return samples;
}

function safeList(dir) {
  return safeEntries(dir).filter((e) => e.isDirectory()).map((e) => e.name);
}

/**
 * Every TypeScript block in aws-cdk-lib's READMEs: infrastructure code written by the CDK's maintainers, the
 * clean-code check for the IAM rule (and every other rule, which must stay quiet on infrastructure code).
 */
export function cdkSamples() {
  const samples = [];
  const visit = (dir) => {
    for (const entry of safeEntries(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(full);
      else if (entry.name === 'README.md') {
        const text = readFileSync(full, 'utf8');
        let index = 0;
        for (const match of text.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)) {
          index++;
          samples.push({ file: `${path.relative(modules, full)}#${index}.ts`, code: match[1], ts: true });
        }
      }
    }
  };
  visit(path.join(modules, 'aws-cdk-lib'));
  return samples.sort((a, b) => (a.file < b.file ? -1 : 1));
}

function safeEntries(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
