import rule from '../../src/rules/no-path-traversal.js';
import { testRule } from '../rule-tester.js';

const LAMBDA_IMPORTS = "import fs from 'node:fs';\nimport path from 'node:path';\n";
const EXPRESS = "const express = require('express');\nconst path = require('path');\nconst app = express();\n";

const docsHandler = (body: string): string =>
  `${LAMBDA_IMPORTS}export const handler = async (event) => {\n${body}\n};`;

testRule('no-path-traversal', rule, {
  valid: [
    // express-validator: a name matched against a pattern, the request rejected when it fails.
    `import express from 'express';
import { param, validationResult } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  res.send(await readFile(\`/data/\${req.params.name}\`));
});`,
    // The base name only: `../` is gone.
    docsHandler(
      "  const name = path.basename(event.queryStringParameters.file);\n  return { statusCode: 200, body: fs.readFileSync(path.join('/var/task/docs', name), 'utf8') };",
    ),
    // A resolved path checked against its folder before use.
    `${LAMBDA_IMPORTS}const ROOT = '/var/task/docs';\nexport const handler = async (event) => {\n  const full = path.resolve(ROOT, event.queryStringParameters.file);\n  if (!full.startsWith(ROOT + path.sep)) return { statusCode: 400, body: 'bad path' };\n  return { statusCode: 200, body: fs.readFileSync(full, 'utf8') };\n};`,
    // An allow-list of names.
    `${LAMBDA_IMPORTS}const REPORTS = new Set(['daily.csv', 'weekly.csv']);\nexport const handler = async (event) => {\n  const { report } = event.pathParameters;\n  if (!REPORTS.has(report)) return { statusCode: 404, body: '' };\n  return { statusCode: 200, body: fs.readFileSync(path.join('/var/task/reports', report), 'utf8') };\n};`,
    // Input is the file's content, not its name; the name is the function's own.
    docsHandler(
      "  fs.writeFileSync('/tmp/upload.json', event.body);\n  fs.writeFileSync(`/tmp/${Date.now()}-${crypto.randomUUID()}.json`, event.body);\n  return { statusCode: 204, body: '' };",
    ),
    // A number cannot hold `../`.
    docsHandler("  return { statusCode: 200, body: fs.readFileSync(`/var/task/pages/${Number(event.pathParameters.page)}.html`, 'utf8') };"),
    // `root` makes `send` refuse paths outside it.
    `${EXPRESS}app.get('/files/:name', (req, res) => {\n  res.sendFile(req.params.name, { root: path.join(__dirname, 'public') });\n});\napp.get('/reports/:name', (req, res) => {\n  res.download(req.params.name, 'report.pdf', { root: '/srv/reports' });\n});`,
    // A queue message is the app's own data; only S3 object keys count among event records.
    `${LAMBDA_IMPORTS}export const handler = async (event) => {\n  for (const record of event.Records) {\n    const job = JSON.parse(record.body);\n    fs.writeFileSync(path.join('/tmp', job.name), 'x');\n  }\n};`,
    // A prefix test on the raw name says nothing about `../` after the prefix — but a resolved one does.
    `${LAMBDA_IMPORTS}const UPLOADS = '/tmp/uploads';\nexport const handler = async (event) => {\n  const target = path.join(UPLOADS, event.queryStringParameters.name);\n  if (target.startsWith(UPLOADS)) {\n    fs.unlinkSync(target);\n  }\n  return { statusCode: 204, body: '' };\n};`,
    // A name that cannot hold `..`, or a separator.
    docsHandler("  const { file } = event.pathParameters;\n  if (file.includes('..')) return { statusCode: 400, body: '' };\n  return { statusCode: 200, body: fs.readFileSync(path.join('/var/task/static', file), 'utf8') };"),
    docsHandler("  const name = event.queryStringParameters.name.replace(/[^\\w.-]/g, '');\n  return { statusCode: 200, body: fs.readFileSync(`/tmp/cache/${name}`, 'utf8') };"),
    // The base name by hand, from an S3 key.
    `${LAMBDA_IMPORTS}export const handler = async (event) => {\n  for (const record of event.Records) {\n    const { key } = record.s3.object;\n    fs.writeFileSync(path.join('/tmp', key.split('/').pop()), await fetchObject(key));\n    fs.writeFileSync(\`/tmp/thumb-\${key.split('/').at(-1)}\`, await resize(key));\n  }\n};`,
    // Where multer stored the upload, under a name it generated.
    "import fs from 'node:fs';\nimport express from 'express';\nimport multer from 'multer';\nconst upload = multer({ dest: '/tmp/uploads' });\nconst app = express();\napp.post('/import', upload.array('files'), async (req, res) => {\n  const rows = req.files.map((f) => parseCsv(fs.readFileSync(f.path, 'utf8')));\n  for (const f of req.files) fs.unlinkSync(f.path);\n  res.json({ rows: rows.length });\n});",
    // Fastify's `reply.sendFile` stays inside the root `@fastify/static` was registered with.
    "import Fastify from 'fastify';\nimport fastifyStatic from '@fastify/static';\nconst app = Fastify();\napp.register(fastifyStatic, { root: '/var/task/public' });\napp.get('/docs/:name', (request, reply) => reply.sendFile(request.params.name));",
    // Not a handler: a build script reading its own arguments.
    "import fs from 'node:fs';\nconst [, , file] = process.argv;\nfs.readFileSync(file, 'utf8');",
  ],
  invalid: [
    {
      // The same chain without a check of its result: it only records the error.
      code: `import express from 'express';
import { param } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  res.send(await readFile(\`/data/\${req.params.name}\`));
});`,
      errors: [{ messageId: 'pathFromInput', data: { path: 'req.params', target: 'readFile()' }, line: 6, column: 27, suggestions: [] }],
    },
    {
      // A program's argument under a fixed directory, without a shell: it can only go wrong as a path.
      code: "const { execFileSync } = require('child_process');\nexports.handler = async (event) => {\n  for (const record of event.Records) execFileSync('convert', ['/tmp/' + record.s3.object.key, '/tmp/out.png']);\n};",
      errors: [{ messageId: 'pathFromInput', line: 3, column: 64 }],
    },
    {
      code: docsHandler(
        "  const name = event.queryStringParameters.file;\n  const data = fs.readFileSync(path.join('/var/task/docs', name), 'utf8');\n  return { statusCode: 200, body: data };",
      ),
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'event.queryStringParameters', target: 'fs.readFileSync()' },
          line: 5,
          column: 32,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(name)' },
              output: docsHandler(
                "  const name = event.queryStringParameters.file;\n  const data = fs.readFileSync(path.join('/var/task/docs', path.basename(name)), 'utf8');\n  return { statusCode: 200, body: data };",
              ),
            },
          ],
        },
      ],
    },
    {
      // An S3 object key is a name the uploader chose.
      code: "import { writeFile } from 'node:fs/promises';\nexport const handler = async (event) => {\n  for (const record of event.Records) {\n    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));\n    await writeFile(`/tmp/${key}`, await download(record.s3.bucket.name, key));\n  }\n};",
      errors: [{ messageId: 'pathFromInput', data: { path: 'event.Records[].s3.object.key', target: 'writeFile()' }, line: 5, column: 21, suggestions: [] }],
    },
    {
      code: `${EXPRESS}app.get('/files/:name', (req, res) => {\n  res.sendFile(path.join(__dirname, 'public', req.params.name));\n});`,
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'req.params', target: 'res.sendFile()' },
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(req.params.name)' },
              output: `${EXPRESS}app.get('/files/:name', (req, res) => {\n  res.sendFile(path.join(__dirname, 'public', path.basename(req.params.name)));\n});`,
            },
          ],
        },
      ],
    },
    {
      // `download` without `root`, through a `const` that holds the path.
      code: `${EXPRESS}app.get('/export', (req, res) => {\n  const file = \`./exports/\${req.query.file}\`;\n  res.download(file);\n});`,
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'req.query', target: 'res.download()' },
          line: 6,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(req.query.file)' },
              output: `${EXPRESS}app.get('/export', (req, res) => {\n  const file = \`./exports/\${path.basename(req.query.file)}\`;\n  res.download(file);\n});`,
            },
          ],
        },
      ],
    },
    {
      // `fs.promises`, `join` imported by name, concatenation; a prefix test on the unresolved name does not help.
      code: "import fs from 'fs';\nimport { join } from 'path';\nexport const handler = async (event) => {\n  const { id } = event.pathParameters;\n  if (!id.startsWith('cache-')) return { statusCode: 400, body: '' };\n  await fs.promises.unlink(join('/tmp', id));\n  await fs.promises.rm('/tmp/' + id + '.lock', { force: true });\n  return { statusCode: 204, body: '' };\n};",
      errors: [
        { messageId: 'pathFromInput', data: { path: 'event.pathParameters', target: 'fs.promises.unlink()' }, line: 6, column: 28, suggestions: [] },
        { messageId: 'pathFromInput', data: { path: 'event.pathParameters', target: 'fs.promises.rm()' }, line: 7, column: 24, suggestions: [] },
      ],
    },
    {
      // The upload's original name is the caller's; a strip that keeps `/` keeps the traversal.
      code: "import fs from 'node:fs';\nimport path from 'node:path';\nimport express from 'express';\nimport multer from 'multer';\nconst upload = multer({ dest: '/tmp/uploads' });\nconst app = express();\napp.post('/avatar', upload.single('avatar'), (req, res) => {\n  fs.renameSync(req.file.path, path.join('/tmp/avatars', req.file.originalname.replace(/[^\\w./-]/g, '')));\n  res.status(204).end();\n});",
      errors: [{ messageId: 'pathFromInput', data: { path: 'req.file', target: 'fs.renameSync()' }, line: 8, column: 32, suggestions: [] }],
    },
    {
      // Both paths of a copy; the caller picks where the file lands.
      code: docsHandler("  const { from, to } = JSON.parse(event.body);\n  fs.copyFileSync(path.join('/tmp/in', from), path.join('/tmp/out', to));\n  return { statusCode: 204, body: '' };"),
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'event.body', target: 'fs.copyFileSync()' },
          line: 5,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(from)' },
              output: docsHandler("  const { from, to } = JSON.parse(event.body);\n  fs.copyFileSync(path.join('/tmp/in', path.basename(from)), path.join('/tmp/out', to));\n  return { statusCode: 204, body: '' };"),
            },
          ],
        },
        {
          messageId: 'pathFromInput',
          data: { path: 'event.body', target: 'fs.copyFileSync()' },
          line: 5,
          column: 47,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(to)' },
              output: docsHandler("  const { from, to } = JSON.parse(event.body);\n  fs.copyFileSync(path.join('/tmp/in', from), path.join('/tmp/out', path.basename(to)));\n  return { statusCode: 204, body: '' };"),
            },
          ],
        },
      ],
    },
    {
      // A stream of a file the caller names, through a same-file helper.
      code: `${EXPRESS}const fs = require('fs');\nfunction open(name) {\n  return fs.createReadStream(path.join(__dirname, 'assets', name));\n}\napp.get('/assets', (req, res) => {\n  open(req.query.name).pipe(res);\n});`,
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'req.query', target: 'fs.createReadStream()' },
          line: 6,
          column: 30,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(name)' },
              output: `${EXPRESS}const fs = require('fs');\nfunction open(name) {\n  return fs.createReadStream(path.join(__dirname, 'assets', path.basename(name)));\n}\napp.get('/assets', (req, res) => {\n  open(req.query.name).pipe(res);\n});`,
            },
          ],
        },
      ],
    },
  ],
  tsValid: [
    {
      code: "import { readFile } from 'node:fs/promises';\nimport path from 'node:path';\nimport type { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const name = path.basename(request.nextUrl.searchParams.get('file') ?? 'index');\n  return Response.json({ text: await readFile(path.join(process.cwd(), 'content', `${name}.md`), 'utf8') });\n}",
      filename: 'app/api/doc/route.ts',
    },
  ],
  tsInvalid: [
    {
      code: "import type { APIGatewayProxyHandler } from 'aws-lambda';\nimport { promises as fs } from 'fs';\nimport * as path from 'path';\nexport const handler: APIGatewayProxyHandler = async (event) => {\n  const id = event.pathParameters!.id as string;\n  const text = await fs.readFile(path.resolve('/var/task/data', `${id}.json`), 'utf8');\n  return { statusCode: 200, body: text };\n};",
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'event.pathParameters', target: 'fs.readFile()' },
          line: 6,
          column: 34,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(id)' },
              output: "import type { APIGatewayProxyHandler } from 'aws-lambda';\nimport { promises as fs } from 'fs';\nimport * as path from 'path';\nexport const handler: APIGatewayProxyHandler = async (event) => {\n  const id = event.pathParameters!.id as string;\n  const text = await fs.readFile(path.resolve('/var/task/data', `${path.basename(id)}.json`), 'utf8');\n  return { statusCode: 200, body: text };\n};",
            },
          ],
        },
      ],
    },
    {
      code: "import { readFile } from 'node:fs/promises';\nimport path from 'node:path';\nimport { NextRequest, NextResponse } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const name = request.nextUrl.searchParams.get('file');\n  const text = await readFile(path.join(process.cwd(), 'content', `${name}.md`), 'utf8');\n  return NextResponse.json({ text });\n}",
      filename: 'app/api/doc/route.ts',
      errors: [
        {
          messageId: 'pathFromInput',
          data: { path: 'request.nextUrl', target: 'readFile()' },
          line: 6,
          column: 31,
          suggestions: [
            {
              messageId: 'suggestBasename',
              data: { replacement: 'path.basename(name)' },
              output: "import { readFile } from 'node:fs/promises';\nimport path from 'node:path';\nimport { NextRequest, NextResponse } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const name = request.nextUrl.searchParams.get('file');\n  const text = await readFile(path.join(process.cwd(), 'content', `${path.basename(name)}.md`), 'utf8');\n  return NextResponse.json({ text });\n}",
            },
          ],
        },
      ],
    },
  ],
});
