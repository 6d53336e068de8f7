import rule from '../../src/rules/no-unvalidated-event.js';
import { testRule } from '../rule-tester.js';

/** A helper that reads the job a queue handler was sent, named in settings as the app's own workflow input. */
const READ_JOB = "const { exec } = require('child_process');\nconst { readJob } = require('./jobs.js');\nexports.handler = async (event) => {\n  exec(readJob(event).cmd);\n};";
const INTERNAL_SOURCE = { 'serverless-security': { sources: [{ module: './jobs.js', path: ['readJob'], trust: 'internal' }] } };

testRule('no-unvalidated-event', rule, {
  valid: [
    // express-validator: the result is checked and a failure answers 400 before the path is used.
    `import express from 'express';
import { param, validationResult } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  res.send(await readFile(\`/data/\${req.params.name}\`));
});`,
    // A same-file middleware rejects unless the chains passed; matchedData holds what passed.
    `import express from 'express';
import { body, validationResult, matchedData } from 'express-validator';
import { exec } from 'node:child_process';
const app = express();
function rejectInvalid(req, res, next) {
  const result = validationResult(req);
  if (!result.isEmpty()) return res.status(422).json({ errors: result.array() });
  next();
}
app.post('/lookup', body('host').isFQDN(), rejectInvalid, (req, res) => {
  const { host } = matchedData(req);
  exec(\`nslookup \${host}\`, (err, out) => res.send(out));
});`,
    // An uploaded object's base name under a fixed directory, as a program's argument without a shell.
    "const { execFileSync } = require('child_process');\nconst path = require('path');\nexports.handler = async (event) => {\n  for (const record of event.Records) {\n    const name = path.basename(decodeURIComponent(record.s3.object.key));\n    execFileSync('convert', [path.join('/tmp', name), `/tmp/${name}.png`]);\n  }\n};",
    // A token authorizer: API Gateway sets `methodArn`; the token is only compared.
    `export const handler = (event, context, callback) => {
      if (event.authorizationToken === 'allow') callback(null, policy('user', 'Allow', event.methodArn));
      else callback('Unauthorized');
    };
    const policy = (principalId, effect, resource) => ({ principalId, policyDocument: { Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] } });`,
    // Validated first, with the common schema libraries.
    `import { z } from 'zod';
     const Order = z.object({ id: z.string() });
     export const handler = async (event) => {
       const order = Order.parse(JSON.parse(event.body));
       await ddb.send(new PutCommand({ TableName: 'orders', Item: order }));
       return { statusCode: 201, body: JSON.stringify(order) };
     };`,
    `const Joi = require('joi');
     const schema = Joi.object({ name: Joi.string().alphanum() });
     exports.handler = async (event) => {
       const { value, error } = schema.validate(JSON.parse(event.body));
       if (error) return { statusCode: 400 };
       await db.query(\`SELECT * FROM users WHERE name = '\${value.name}'\`);
     };`,
    `import Ajv from 'ajv';
     const validate = new Ajv().compile(schema);
     export const handler = async (event) => {
       const body = JSON.parse(event.body);
       if (!validate(body)) return { statusCode: 400 };
       await ddb.put({ TableName: 'orders', Item: body });
     };`,
    // Whole-handler validation by middleware.
    `import middy from '@middy/core';
     import validator from '@middy/validator';
     const base = async (event) => ddb.put({ TableName: 'orders', Item: event.body });
     export const handler = middy(base).use(validator({ eventSchema }));`,
    // No handler in the file.
    `function helper(event) { return db.query(\`SELECT * FROM t WHERE id = \${event.body}\`); }`,
    // A configured validator.
    {
      code: `exports.handler = async (event) => ddb.put({ TableName: 'orders', Item: checkOrder(JSON.parse(event.body)) });`,
      settings: { 'serverless-security': { validators: ['checkOrder'] } },
    },
    // A configured validator named by its module, imported by any name (ESM, renamed, CJS, namespace), that throws.
    ...[
      ["import { parseOrder } from './validate.js';", 'parseOrder'],
      ["import { parseOrder as toOrder } from './validate.js';", 'toOrder'],
      ["const { parseOrder: toOrder } = require('./validate.js');", 'toOrder'],
      ["import * as validate from './validate.js';", 'validate.parseOrder'],
    ].map(([imports, callee]) => ({
      code: `${imports}
exports.handler = async (event) => {
  const order = JSON.parse(event.body);
  ${callee}(order);
  await ddb.put({ TableName: 'orders', Item: order });
};`,
      settings: { 'serverless-security': { validators: [{ module: './validate.js', path: ['parseOrder'] }] } },
    })),
    // …and as a rejecting guard.
    {
      code: `import { parseOrder } from './validate.js';
exports.handler = async (event) => {
  const order = JSON.parse(event.body);
  if (!parseOrder(order)) return { statusCode: 400 };
  await ddb.put({ TableName: 'orders', Item: order });
};`,
      settings: { 'serverless-security': { validators: [{ module: './validate.js', path: ['parseOrder'] }] } },
    },
    // Input in the path of a fixed host decides nothing about where the request goes.
    `exports.handler = async (event) => {
  const id = event.pathParameters?.id;
  return fetch(\`https://internal.example.com/orders/\${id}\`);
};`,
    // Bound SQL parameters.
    `module.exports.search = async (event) => {
  const q = event.queryStringParameters.q;
  return db.query('SELECT * FROM items WHERE name = $1', [q]);
};`,
    // A JSON echo of the caller's own body.
    `export const handler = async ({ body }) => ({ statusCode: 200, body });`,
    // A parameterised DynamoDB key.
    `exports.handler = async (event) => {
  const id = event.pathParameters.id;
  const { Item } = await ddb.send(new GetCommand({ TableName: 'orders', Key: { id } }));
  return { statusCode: 200, body: JSON.stringify(Item) };
};`,
    // Queue records come from the application's own workflow (a source only with `internalInput`).
    `const { exec } = require('child_process');
exports.handler = async (event) => {
  for (const record of event.Records) exec(\`process \${JSON.parse(record.body).file}\`);
};`,
    // An S3 key is dangerous only as a path or a process argument.
    `exports.handler = async (event) => {
  const key = event.Records[0].s3.object.key;
  await s3.send(new GetObjectCommand({ Bucket: 'in', Key: key }));
  return fetch(\`https://api.example.com/index?key=\${key}\`);
};`,
    // CloudFormation custom-resource fields are set at deploy time.
    `exports.handler = async (event) => {
  const { ServiceToken, ResourceProperties } = event;
  await fetch(ResourceProperties.Endpoint);
};`,
    // A rejecting regex guard.
    `const fs = require('fs');
exports.handler = async (event) => {
  const name = event.queryStringParameters.file;
  if (!/^[a-z0-9-]+\\.png$/.test(name)) return { statusCode: 400 };
  return { statusCode: 200, body: fs.readFileSync(\`/tmp/\${name}\`, 'base64') };
};`,
    // An allow-list guard.
    `const REPORTS = ['daily', 'weekly'];
exports.handler = async (event) => {
  const report = event.queryStringParameters.report;
  if (!REPORTS.includes(report)) return { statusCode: 404 };
  return db.query(\`SELECT * FROM \${report}_totals\`);
};`,
    // `path.basename` keeps the file in `/tmp`.
    `const path = require('path');
const fs = require('fs/promises');
exports.handler = async (event) => {
  const file = path.join('/tmp', path.basename(event.queryStringParameters.f));
  return { statusCode: 200, body: await fs.readFile(file, 'utf8') };
};`,
    // Escaped for HTML.
    `import escapeHtml from 'escape-html';
export const api = (req, res) => { res.send(\`<p>You searched for \${escapeHtml(req.query.q)}</p>\`); };`,
    // JSON answers.
    `exports.api = (req, res) => { res.json(req.query); res.send({ q: req.query.q }); };`,
    // The Host header names this server.
    `exports.done = (req, res) => { res.redirect(\`https://\${req.get('host')}/done\`); };`,
    // A single field of the body, written as a value.
    `export const handler = async (event) => {
  const body = JSON.parse(event.body);
  await ddb.put({ TableName: 'users', Item: { id: randomUUID(), name: body.name } });
};`,
    // A typeof guard.
    `exports.handler = async (event) => {
  if (typeof event.queryStringParameters.q !== 'string') return { statusCode: 400 };
  return new RegExp(event.queryStringParameters.q);
};`,
    // A redirect to a path on this site.
    `exports.api = (req, res) => { res.redirect(\`/items/\${req.params.id}\`); };`,
    // `findOne` on a plain object is not MongoDB.
    `const users = { findOne: (q) => q };
exports.handler = async (event) => users.findOne(JSON.parse(event.body));`,
    // Messaging payloads and JSON echoes.
    `exports.handler = async (event) => {
  await sns.send(new PublishCommand({ TopicArn: T, Message: event.body }));
  return { statusCode: 202, body: JSON.stringify({ received: JSON.parse(event.body) }) };
};
`,
    // Azure route constraints: `{id:int}` rejects anything but an integer before the function runs.
    `import { app } from '@azure/functions';
     import { readFile } from 'node:fs/promises';
     app.http('getFile', { route: 'files/{id:int}', handler: async (request) => ({ body: await readFile(\`/data/\${request.params.id}.json\`) }) });`,
    // Powertools validation middleware checks the whole event.
    `import middy from '@middy/core';
     import { validator } from '@aws-lambda-powertools/validation/middleware';
     export const handler = middy(async (event) => db.query(\`SELECT * FROM t WHERE id = '\${event.body.id}'\`)).use(validator({ inboundSchema }));`,
    // validator.js predicates in a rejecting guard.
    `import validator from 'validator';
     exports.handler = async (event) => {
       const { user } = JSON.parse(event.body);
       if (!validator.isAlphanumeric(user)) return { statusCode: 400 };
       return db.query(\`SELECT * FROM users WHERE name = '\${user}'\`);
     };`,
    // A configured source of the app's own workflow input counts only with `internalInput`.
    { code: READ_JOB, settings: INTERNAL_SOURCE },
    // A configured source read at module scope is no handler's input.
    {
      code: "const { exec } = require('child_process');\nconst { readBody } = require('./http.js');\nconst { cmd } = readBody();\nexports.handler = async () => { exec(cmd); };",
      settings: { 'serverless-security': { sources: [{ module: './http.js', path: ['readBody'] }] } },
    },
  ],
  invalid: [
    {
      // express-validator chains only record errors: without a check of the result the value arrives as sent.
      code: `import express from 'express';
import { param } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  res.send(await readFile(\`/data/\${req.params.name}\`));
});`,
      errors: [{ messageId: 'unvalidated', line: 6, column: 36, data: { path: 'req.params', place: 'a file path in `readFile()`' } }],
    },
    {
      // The result is checked, but a failure only logs.
      code: `import express from 'express';
import { param, validationResult } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) console.warn('invalid', errors.array());
  res.send(await readFile(\`/data/\${req.params.name}\`));
});`,
      errors: [{ messageId: 'unvalidated', line: 8, column: 36, data: { path: 'req.params', place: 'a file path in `readFile()`' } }],
    },
    {
      // A local function named validationResult is not express-validator's.
      code: `import express from 'express';
import { param } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
const validationResult = (req) => ({ isEmpty: () => !req.failed });
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  if (!validationResult(req).isEmpty()) return res.sendStatus(400);
  res.send(await readFile(\`/data/\${req.params.name}\`));
});`,
      errors: [{ messageId: 'unvalidated', line: 8, column: 36, data: { path: 'req.params', place: 'a file path in `readFile()`' } }],
    },
    {
      // Read and used before the check.
      code: `import express from 'express';
import { param, validationResult } from 'express-validator';
import { readFile } from 'node:fs/promises';
const app = express();
app.get('/files/:name', param('name').matches(/^[\\w-]+\\.pdf$/), async (req, res) => {
  const file = await readFile(\`/data/\${req.params.name}\`);
  if (!validationResult(req).isEmpty()) return res.sendStatus(400);
  res.send(file);
});`,
      errors: [{ messageId: 'unvalidated', line: 6, column: 40, data: { path: 'req.params', place: 'a file path in `readFile()`' } }],
    },
    {
      // Checked, but the chain checks only presence and escapes HTML: nothing about what a command may hold.
      code: `import express from 'express';
import { body, validationResult } from 'express-validator';
import { exec } from 'node:child_process';
const app = express();
app.post('/lookup', body('host').notEmpty().trim().escape(), (req, res) => {
  if (!validationResult(req).isEmpty()) return res.status(400).end();
  exec(\`nslookup \${req.body.host}\`, (err, out) => res.send(out));
});`,
      errors: [{ messageId: 'unvalidated', line: 7, column: 20, data: { path: 'req.body', place: 'a command run by `exec()`' } }],
    },
    {
      // validationResult called, its result never looked at.
      code: `import express from 'express';
import { body, validationResult } from 'express-validator';
import { exec } from 'node:child_process';
const app = express();
app.post('/lookup', body('host').isFQDN(), (req, res) => {
  const errors = validationResult(req);
  exec(\`nslookup \${req.body.host}\`, (err, out) => res.send(out));
});`,
      errors: [{ messageId: 'unvalidated', line: 7, column: 20, data: { path: 'req.body', place: 'a command run by `exec()`' } }],
    },
    {
      // The key itself as an argument can be an option (`-write …`) or an ImageMagick coder (`msl:…`).
      code: "const { execFileSync } = require('child_process');\nexports.handler = async (event) => {\n  for (const record of event.Records) execFileSync('convert', [record.s3.object.key, '/tmp/out.png']);\n};",
      errors: [{ messageId: 'unvalidated', data: { path: 'event.Records[].s3.object.key', place: 'a command run by `execFileSync()`' }, line: 3, column: 64 }],
    },
    {
      // The whole body stored as a record (mass assignment).
      code: `exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  await ddb.send(new PutCommand({ TableName: 'orders', Item: body }));
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 27, data: { path: 'event.body', place: "a whole stored record in `Item`" } }],
    },
    {
      // SQL text built from a query parameter.
      code: `module.exports.search = async (event) => {
  const q = event.queryStringParameters.q;
  return db.query(\`SELECT * FROM items WHERE name = '\${q}'\`);
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 13, data: { path: 'event.queryStringParameters', place: "SQL text in `db.query()`" } }],
    },
    {
      // A shell command from the body.
      code: `const { exec } = require('child_process');
exports.handler = async (event) => {
  const { file } = JSON.parse(event.body);
  exec(\`convert \${file} out.png\`);
};`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 31, data: { path: 'event.body', place: "a command run by `exec()`" } }],
    },
    {
      // SSRF: the caller picks the URL.
      code: `exports.handler = async (event) => {
  const res = await fetch(event.queryStringParameters.url);
  return { statusCode: 200, body: await res.text() };
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 27, data: { path: 'event.queryStringParameters', place: "the address fetched by `fetch()`" } }],
    },
    {
      // Reflected HTML: Express answers `text/html` for a string.
      code: `exports.api = (req, res) => { res.send(req.query.name); };`,
      errors: [{ messageId: 'unvalidated', line: 1, column: 40, data: { path: 'req.query', place: "HTML sent by `res.send()`" } }],
    },
    {
      // Open redirect.
      code: `exports.login = (req, res) => {
  if (check(req.body)) res.redirect(req.query.next);
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 37, data: { path: 'req.query', place: "a redirect in `res.redirect()`" } }],
    },
    {
      // A caller-chosen pattern.
      code: `exports.handler = async ({ queryStringParameters }) => {
  const pattern = new RegExp(queryStringParameters.q, 'i');
  return { statusCode: 200, body: JSON.stringify(items.filter((i) => pattern.test(i))) };
};`,
      errors: [{ messageId: 'unvalidated', line: 1, column: 28, data: { path: 'event.queryStringParameters', place: "a pattern in `new RegExp()`" } }],
    },
    {
      // An uploader-chosen S3 key in a file path.
      code: `const fs = require('fs');
exports.handler = async (event) => {
  for (const record of event.Records) {
    const data = fs.readFileSync(\`/tmp/\${record.s3.object.key}\`);
    await upload(data);
  }
};`,
      errors: [{ messageId: 'unvalidated', line: 4, column: 42, data: { path: 'event.Records[].s3.object.key', place: "a file path in `fs.readFileSync()`" } }],
    },
    {
      // Code evaluation.
      code: `exports.handler = async (event) => eval(event.body);`,
      errors: [{ messageId: 'unvalidated', line: 1, column: 41, data: { path: 'event.body', place: "code run by `eval()`" } }],
    },
    {
      // Followed into a same-file function.
      code: `const { exec } = require('child_process');
function run(command) { exec(command); }
exports.handler = async (event) => { run(event.queryStringParameters.cmd); };`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 42, data: { path: 'event.queryStringParameters', place: "a command run by `exec()`" } }],
    },
    {
      // A MongoDB filter taken whole from the body.
      code: `import { MongoClient } from 'mongodb';
const users = new MongoClient(uri).db('app').collection('users');
export const handler = async (event) => {
  const user = await users.findOne(JSON.parse(event.body));
  return { statusCode: 200, body: JSON.stringify({ found: !!user }) };
};`,
      errors: [{ messageId: 'unvalidated', line: 4, column: 47, data: { path: 'event.body', place: "a MongoDB filter in `users.findOne()`" } }],
    },
    {
      // Body keys become DynamoDB expression text.
      code: `export const handler = async (event) => {
  const item = JSON.parse(event.body);
  const names = Object.keys(item);
  await ddb.update({ TableName: T, Key: { id: 1 }, UpdateExpression: \`set \${names[0]} = :v\`, ExpressionAttributeValues: { ':v': 1 } });
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 27, data: { path: 'event.body', place: "the DynamoDB `UpdateExpression`" } }],
    },
    {
      // A Lambda result that answers HTML.
      code: `exports.handler = async (event) => {
  return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: \`<h1>Hello \${event.queryStringParameters.name}</h1>\` };
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 90, data: { path: 'event.queryStringParameters', place: "the HTML response" } }],
    },
    {
      // A Lambda redirect.
      code: `exports.handler = async (event) => {
  return { statusCode: 302, headers: { Location: event.queryStringParameters.returnTo } };
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 50, data: { path: 'event.queryStringParameters', place: "the redirect `Location`" } }],
    },
    {
      // The caller picks the host.
      code: `exports.handler = async (event) => {
  const { host } = JSON.parse(event.body);
  return fetch(\`https://\${host}/status\`);
};
`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 31, data: { path: 'event.body', place: "the address fetched by `fetch()`" } }],
    },
    {
      // A local function that shadows an imported validator is not the validator.
      code: `import { parse } from 'valibot';
exports.handler = async (event) => {
  const parse = (schema, value) => value;
  const { name } = parse(User, JSON.parse(event.body));
  return db.query(\`SELECT * FROM users WHERE name = '\${name}'\`);
};`,
      errors: [{ messageId: 'unvalidated', line: 4, column: 43, data: { path: 'event.body', place: 'SQL text in `db.query()`' } }],
    },
    {
      // With `internalInput` (the strict config), the app's own queue payloads count too.
      code: `const { exec } = require('child_process');
exports.handler = async (event) => {
  for (const record of event.Records) exec(\`process \${JSON.parse(record.body).file}\`);
};`,
      options: [{ internalInput: true }],
      errors: [{ messageId: 'unvalidated', line: 3, column: 66, data: { path: 'event.Records[].body', place: 'a command run by `exec()`' } }],
    },
    {
      // A validator named by its module: a local function of the same name is not it.
      code: `const parseOrder = (order) => order;
exports.handler = async (event) => {
  const order = JSON.parse(event.body);
  parseOrder(order);
  await ddb.put({ TableName: 'orders', Item: order });
};`,
      settings: { 'serverless-security': { validators: [{ module: './validate.js', path: ['parseOrder'] }] } },
      errors: [{ messageId: 'unvalidated', line: 3, column: 28, data: { path: 'event.body', place: 'a whole stored record in `Item`' } }],
    },
    {
      // …and with it, the configured source of workflow input counts too.
      code: READ_JOB,
      settings: INTERNAL_SOURCE,
      options: [{ internalInput: true }],
      errors: [{ messageId: 'unvalidated', line: 4, column: 8, data: { path: 'readJob()', place: 'a command run by `exec()`' } }],
    },
  ],  tsValid: [
    // A route module whose chains are registered elsewhere: `.throw()` stops the request when they failed.
    `import type { Request, Response } from 'express';
import { validationResult } from 'express-validator';
import { readFile } from 'node:fs/promises';
export const download = async (req: Request, res: Response) => {
  validationResult(req).throw();
  res.send(await readFile(\`/data/\${req.params.name as string}\`));
};`,
    // Framework routes validated at the route.
    `import { Hono } from 'hono';
     import { zValidator } from '@hono/zod-validator';
     const app = new Hono();
     app.post('/orders', zValidator('json', Order), async (c) => c.json(await save(c.req.valid('json'))));`,
    `import Fastify from 'fastify';
     const app = Fastify();
     app.post('/orders', { schema: { body: OrderSchema } }, async (request) => prisma.order.create({ data: request.body }));`,
    `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
     import { z } from 'zod';
     const Q = z.object({ url: z.string().url() });
     export const handler: APIGatewayProxyHandlerV2 = async (event) => {
       const result = Q.safeParse(event.queryStringParameters ?? {});
       if (!result.success) return { statusCode: 400 };
       return { statusCode: 200, body: await (await fetch(result.data.url)).text() };
     };`,
    // Parameterised lookups and JSON answers in framework routes.
    `import express from 'express';
     const app = express();
     app.get('/users/:id', async (req, res) => res.json(await db.get(req.params.id)));`,
    `import type { APIGatewayProxyEvent } from 'aws-lambda';
     export const getUser = async (event: APIGatewayProxyEvent) => {
       const id = event.pathParameters!.id as string;
       return db.get({ Key: { id } });
     };`,
    // A type guard is not a handler, whatever its parameter is called.
    `export function isOrderEvent(event: unknown): event is { body: string } { return typeof event === 'object'; }`,
  ],
  tsInvalid: [
    {
      // A result computed and dropped.
      code: `import type { Request, Response } from 'express';
import { validationResult } from 'express-validator';
import { readFile } from 'node:fs/promises';
export const download = async (req: Request, res: Response) => {
  validationResult(req);
  res.send(await readFile(\`/data/\${req.params.name as string}\`));
};`,
      errors: [{ messageId: 'unvalidated', line: 6, column: 36, data: { path: 'req.params', place: 'a file path in `readFile()`' } }],
    },
    {
      // An Azure route parameter without a constraint.
      code: `import { app } from '@azure/functions';
import { readFile } from 'node:fs/promises';
app.http('getFile', { route: 'files/{name}', handler: async (request) => ({ body: await readFile(\`/data/\${request.params.name}\`) }) });`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 107, data: { path: 'request.params', place: 'a file path in `readFile()`' } }],
    },
    {
      // A route module in the usual Express layout: the factory's route is a handler.
      code: `export function login() {
  return (req, res, next) => {
    res.redirect(req.query.returnTo as string);
  };
}`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 18, data: { path: 'req.query', place: 'a redirect in `res.redirect()`' } }],
    },
    {
      // A Next.js route storing the whole body as it came.
      code: `export async function POST(request: Request) {
  const order = await request.json();
  await db.insert(order);
  return Response.json({ ok: true });
}`,
      filename: 'app/api/orders/route.ts',
      errors: [{ messageId: 'unvalidated', line: 2, column: 23, data: { path: 'request.json()', place: 'a whole stored record in `db.insert()`' } }],
    },
    {
      // Express behind serverless-http: routes are handlers.
      code: `import express from 'express';
import serverless from 'serverless-http';
const app = express();
app.get('/files/:name', (req, res) => res.sendFile(req.params.name));
export const handler = serverless(app);`,
      errors: [{ messageId: 'unvalidated', line: 4, column: 52, data: { path: 'req.params', place: 'a file path in `res.sendFile()`' } }],
    },
    {
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/go', async (ctx) => { ctx.redirect(ctx.query.next as string); });`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 49, data: { path: 'ctx.query', place: 'a redirect in `ctx.redirect()`' } }],
    },
    {
      code: `export async function GET(request: Request) {
  const target = new URL(request.url).searchParams.get("url");
  return fetch(target!);
}`,
      filename: 'app/api/proxy/route.ts',
      errors: [{ messageId: 'unvalidated', line: 2, column: 26, data: { path: 'request.url', place: 'the address fetched by `fetch()`' } }],
    },
    {
      code: `import { exec } from 'node:child_process';
import type { APIGatewayProxyEvent } from 'aws-lambda';
export const lookup = async (event: APIGatewayProxyEvent) => {
  exec(\`nslookup \${event.pathParameters!.host as string}\`);
};`,
      errors: [{ messageId: 'unvalidated', line: 4, column: 20, data: { path: 'event.pathParameters', place: 'a command run by `exec()`' } }],
    },
  ],
});
