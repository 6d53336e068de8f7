import { describe, expect, it } from 'vitest';
import type { SinkKind } from '../../src/models/types.js';
import { analyseCode } from './analyse.js';

/** For each sink of `kind` in the file: its target and the input paths that reach it unchecked. */
function inputAtSinks(code: string, kind: SinkKind): string[] {
  const { analysis } = analyseCode(code);
  return analysis.sinks(kind).map((place) => `${place.target}: ${analysis.inputAt(place.node, kind).map((l) => l.sourcePath).join(', ') || '-'}`);
}

const lambda = (body: string): string => `import fs from 'fs';\nimport path from 'path';\nexport const handler = async (event) => {\n${body}\n};`;
const express = (body: string): string => `import fs from 'fs';\nimport express from 'express';\nconst app = express();\napp.post('/x', (req, res) => {\n${body}\n});`;

describe('path places', () => {
  const cases: Array<[string, string, string[]]> = [
    ['`join` imported by name carries its arguments', "import { join } from 'node:path';\nimport { rm } from 'node:fs/promises';\nexport const handler = async (event) => { await rm(join('/tmp', event.pathParameters.id)); };", ['rm(): event.pathParameters']],
    ['a resolved path checked with startsWith is guarded', lambda("  const full = path.resolve('/srv', event.body);\n  if (!full.startsWith('/srv/')) throw new Error('bad');\n  fs.readFileSync(full);"), ['fs.readFileSync(): -']],
    ['a prefix test on the raw value guards nothing', lambda("  const name = event.body;\n  if (!name.startsWith('reports/')) throw new Error('bad');\n  fs.readFileSync(path.join('/srv', name));"), ['fs.readFileSync(): event.body']],
    ["rejecting '..' is a guard", lambda("  const name = event.body;\n  if (name.includes('..')) throw new Error('bad');\n  fs.readFileSync(path.join('/srv', name));"), ['fs.readFileSync(): -']],
    ['a strip to word characters is a base name', lambda("  fs.readFileSync('/srv/' + event.body.replace(/[^\\w.-]/g, ''));"), ['fs.readFileSync(): -']],
    ['a strip that keeps `/` is not', lambda("  fs.readFileSync('/srv/' + event.body.replace(/[^\\w./]/g, ''));"), ['fs.readFileSync(): event.body']],
    ["split('/').pop() is a base name", lambda("  fs.readFileSync('/srv/' + event.body.split('/').pop());"), ['fs.readFileSync(): -']],
    ["slice(lastIndexOf('/') + 1) is a base name", lambda("  const key = event.body;\n  fs.readFileSync('/srv/' + key.slice(key.lastIndexOf('/') + 1));"), ['fs.readFileSync(): -']],
    ['multer fields are the server’s, the original name the caller’s', express("  fs.renameSync(req.file.path, '/srv/' + req.file.originalname);"), ['fs.renameSync(): -', 'fs.renameSync(): req.file']],
    ['a body field named like a multer one is the caller’s', express("  fs.readFileSync(req.body.file.path);"), ['fs.readFileSync(): req.body']],
    ['a spread covers the positions from its index on', lambda("  fs.copyFileSync('/srv/a', ...[event.body]);"), ['fs.copyFileSync(): -', 'fs.copyFileSync(): event.body']],
    ['res.download with a root option is no path place', express("  res.download(req.body.name, 'r.pdf', { root: '/srv' });"), []],
  ];
  for (const [name, code, expected] of cases) it(name, () => expect(inputAtSinks(code, 'path')).toEqual(expected));
});

describe('pattern places', () => {
  const cases: Array<[string, string, string[]]> = [
    ['the hand-written escape sanitises', lambda("  new RegExp(event.body.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&'));"), ['new RegExp(): -']],
    ['an escape that misses characters does not', lambda("  new RegExp(event.body.replace(/[.*+?]/g, '\\\\$&'));"), ['new RegExp(): event.body']],
    ['a strip to word characters sanitises', lambda("  new RegExp(event.body.replace(/[^\\w\\s-]/g, ''));"), ['new RegExp(): -']],
    ['a strip that keeps a quantifier does not', lambda("  new RegExp(event.body.replace(/[^\\w+]/g, ''));"), ['new RegExp(): event.body']],
    ['a strip that keeps a wide range does not', lambda("  new RegExp(event.body.replace(/[^ -~]/g, ''));"), ['new RegExp(): event.body']],
    ['an HTML escape does not', "import escapeHtml from 'escape-html';\n" + lambda('  new RegExp(escapeHtml(event.body));'), ['new RegExp(): event.body']],
  ];
  for (const [name, code, expected] of cases) it(name, () => expect(inputAtSinks(code, 'regex')).toEqual(expected));
});
