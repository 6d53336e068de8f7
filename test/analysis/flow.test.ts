import { describe, expect, it } from 'vitest';
import { analyseCode, describeUses, type Options } from './analyse.js';

const EV = "import express from 'express';\nimport { body, param, checkSchema, oneOf, validationResult, matchedData } from 'express-validator';\nconst app = express();\n";
const H = (body: string, params = 'event'): string => `exports.handler = async (${params}) => {\n${body}\n};`;

/** [case, code, expected uses (`source -> target [kind] (flags)`), options]. */
const FLOWS: Array<[string, string, string[], Options?]> = [
  // ---- reaching sinks ----------------------------------------------------------------------------------------------
  ['direct argument', H('await db.query(event.body);'), ['event.body -> db.query() [call]']],
  ['through a variable', H('const id = event.pathParameters.id;\nawait getItem(id);'), ['event.pathParameters -> getItem() [call]']],
  ['through destructuring', H('const { body } = event;\nawait save(body);'), ['event.body -> save() [call]']],
  ['nested destructuring', H('const { queryStringParameters: { q } } = event;\nsearch(q);'), ['event.queryStringParameters -> search() [call]']],
  ['destructured parameter', H('await save(body);', '{ body }'), ['event.body -> save() [call]']],
  ['JSON.parse is not validation', H('const data = JSON.parse(event.body);\nawait save(data.name);'), ['event.body -> save() [call]']],
  ['optional chaining is not validation', H('await save(event.queryStringParameters?.name);'), ['event.queryStringParameters -> save() [call]']],
  ['template literal', H('await fetch(`https://api/${event.pathParameters.id}`);'), ['event.pathParameters -> fetch() [call]']],
  ['concatenation', H("const sql = 'SELECT * FROM t WHERE id = ' + event.queryStringParameters.id;\nawait db.query(sql);"), ['event.queryStringParameters -> db.query() [call]']],
  ['Buffer and decodeURIComponent', H("const raw = Buffer.from(event.body, 'base64').toString();\nwrite(decodeURIComponent(raw));"), ['event.body -> write() [call]']],
  ['awaited json()', "export default { async fetch(request) { const data = await request.json(); return store(data); } };", ['request.json() -> the response [response] (derived)', 'request.json() -> store() [call]']],
  ['spread into an object', H('await put({ ...JSON.parse(event.body), at: Date.now() });'), ['event.body -> put() [call]']],
  ['array literal', H('await exec([event.body]);'), ['event.body -> exec() [call]']],
  ['logical default', H("const name = event.queryStringParameters?.name ?? 'anon';\ngreet(name);"), ['event.queryStringParameters -> greet() [call]']],
  ['conditional branch', H("const v = flag ? event.body : '';\nsend(v);"), ['event.body -> send() [call]']],
  ['reassignment', H("let t = '';\nt = event.body;\nsend(t);"), ['event.body -> send() [call]']],
  ['constructor argument', H('await client.send(new PutCommand({ Item: JSON.parse(event.body) }));'), ['event.body -> client.send() [call] (derived)', 'event.body -> new PutCommand() [new]']],
  ['returned in the response', H('return { statusCode: 200, body: event.body };'), ['event.body -> the response [response]']],
  ['callback response', 'exports.handler = (event, context, callback) => { callback(null, { body: event.body }); };', ['event.body -> callback() [response]']],
  ['Koa ctx.body is a response, as for the leak rules', "import Router from '@koa/router';\nconst r = new Router();\nr.get('/', (ctx) => { ctx.body = ctx.query.q; });", ['ctx.query -> the response [response]']],
  ['res.send in a (req, res) handler', 'exports.api = (req, res) => { res.send(req.query.name); };', ['req.query -> res.send() [response]']],
  ['SQS records in for..of', H('for (const record of event.Records) { await handle(JSON.parse(record.body)); }'), ['event.Records[].body -> handle() [call]']],
  ['SQS records in map callback', H('await Promise.all(event.Records.map((r) => process(r.body)));'), ['event.Records[].body -> process() [call]']],
  ['SNS message', H('const msg = JSON.parse(event.Records[0].Sns.Message);\nawait notify(msg.to);'), ['event.Records[].Sns.Message -> notify() [call]']],
  // ---- same-file functions ---------------------------------------------------------------------------------------
  [
    'into a same-file function',
    'async function saveOrder(order) { await db.put(order.id); }\nexports.handler = async (event) => { await saveOrder(JSON.parse(event.body)); };',
    ['event.body -> db.put() [call]'],
  ],
  [
    'whole event into a helper',
    'const parseInput = (e) => e.body;\nexports.handler = async (event) => { await store(parseInput(event)); };',
    ['event.body -> store() [call]'],
  ],
  [
    'helper that validates',
    "const S = require('zod').z.object({});\nconst read = (e) => S.parse(JSON.parse(e.body));\nexports.handler = async (event) => { await store(read(event)); };",
    ['event.body -> store() [call] (validated)'],
  ],
  [
    'class method via this',
    "import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';\nclass L implements LambdaInterface {\n  async handler(event: any) { await this.save(event.body); }\n  async save(b: string) { await db.put(b); }\n}",
    ['event.body -> db.put() [call]'],
    { ts: true },
  ],
  // ---- validation ------------------------------------------------------------------------------------------------
  ['zod parse', "import { z } from 'zod';\nconst Body = z.object({ id: z.string() });\n" + H('const b = Body.parse(JSON.parse(event.body));\nawait save(b.id);'), ['event.body -> save() [call] (validated)']],
  ['zod safeParse data', "import { z } from 'zod';\nconst S = z.object({});\n" + H('const r = S.safeParse(JSON.parse(event.body));\nif (!r.success) return;\nawait save(r.data);'), ['event.body -> save() [call] (validated)']],
  ['joi validate', "const Joi = require('joi');\nconst schema = Joi.object({});\n" + H('const { value } = schema.validate(JSON.parse(event.body));\nsave(value);'), ['event.body -> save() [call] (validated)']],
  ['valibot parse', "import * as v from 'valibot';\n" + H('const b = v.parse(Schema, JSON.parse(event.body));\nsave(b);'), ['event.body -> save() [call] (validated)']],
  ['superstruct create', "import { create } from 'superstruct';\n" + H('const b = create(JSON.parse(event.body), Order);\nsave(b);'), ['event.body -> save() [call] (validated)']],
  ['ajv guard', "import Ajv from 'ajv';\nconst validate = new Ajv().compile(schema);\n" + H('const b = JSON.parse(event.body);\nif (!validate(b)) return { statusCode: 400 };\nawait save(b);'), ['event.body -> save() [call] (validated)']],
  ['guard with a validating predicate', H('const b = JSON.parse(event.body);\nif (!isValidOrder(b)) throw new Error("bad");\nawait save(b);'), ['event.body -> save() [call] (validated)']],
  ['assert statement', "import { assert } from 'superstruct';\n" + H('const b = JSON.parse(event.body);\nassert(b, Order);\nawait save(b);'), ['event.body -> save() [call] (validated)']],
  // A guard counts the way its test points: after an exiting branch the test was false, inside a guarded block true.
  ['a guard that exits when the value is valid validates nothing after it', H('const b = JSON.parse(event.body);\nif (isValidOrder(b)) return;\nawait save(b);'), ['event.body -> save() [call]']],
  ['a check that guards its block validates inside it', H('const b = JSON.parse(event.body);\nif (isValidOrder(b)) { await save(b); }\nawait keep(b);'), ['event.body -> save() [call] (validated)', 'event.body -> keep() [call]']],
  ['a negated check guards nothing inside its block', H('const b = JSON.parse(event.body);\nif (!isValidOrder(b)) { await save(b); }'), ['event.body -> save() [call]']],
  ['equality exits when it is false: one of two values', H("const t = event.queryStringParameters.type;\nif (t !== 'a' && t !== 'b') return;\nawait run(t);"), ['event.queryStringParameters -> run() [call] (validated)']],
  ['equality exits when it is true: any other value', H("const t = event.queryStringParameters.type;\nif (t === 'admin') return;\nawait run(t);"), ['event.queryStringParameters -> run() [call]']],
  ['a value one of two sides checks is not known after either exits', H("const t = event.queryStringParameters.type;\nconst u = event.queryStringParameters.user;\nif (t !== 'a' || u !== 'b') return;\nawait run(t);\nawait run2(u);"), ['event.queryStringParameters -> run() [call] (validated)', 'event.queryStringParameters -> run2() [call] (validated)']],
  ['a value only one side checks, when either side exits alone', H("const t = event.queryStringParameters.type;\nconst u = event.queryStringParameters.user;\nif (t === 'a' || u === 'b') return;\nawait run(t);"), ['event.queryStringParameters -> run() [call]']],
  ['guard does not cover code before it', H('const b = JSON.parse(event.body);\nawait log2(b);\nif (!isValidOrder(b)) return;\nawait save(b);'), ['event.body -> log2() [call]', 'event.body -> save() [call] (validated)']],
  ['imported schema by name', "import { OrderSchema } from './schemas';\n" + H('save(OrderSchema.parse(JSON.parse(event.body)));'), ['event.body -> save() [call] (validated)']],
  ['yup validate', "import * as yup from 'yup';\nconst schema = yup.object({ id: yup.string() });\n" + H('const b = await schema.validate(JSON.parse(event.body));\nsave(b);'), ['event.body -> save() [call] (validated)']],
  ['TypeBox Value.Check guard', "import { Value } from '@sinclair/typebox/value';\n" + H('const b = JSON.parse(event.body);\nif (!Value.Check(T, b)) return { statusCode: 400 };\nsave(b);'), ['event.body -> save() [call] (validated)']],
  ['class-validator validateOrReject', "import { validateOrReject } from 'class-validator';\n" + H('const dto = Object.assign(new OrderDto(), JSON.parse(event.body));\nawait validateOrReject(dto);\nsave(dto);'), ['event.body -> save() [call] (validated)']],
  ['configured validator', H('save(checkOrder(JSON.parse(event.body)));'), ['event.body -> save() [call] (validated)'], { settings: { 'serverless-security': { validators: ['checkOrder'] } } }],
  ['a parser named parse is not a validator', "import qs from 'qs';\n" + H('save(qs.parse(event.body));'), ['event.body -> save() [call]']],
  ['middy validator validates everything', "import middy from '@middy/core';\nimport validator from '@middy/validator';\nexport const handler = middy(async (event) => save(event.body)).use(validator({ eventSchema }));", ['event.body -> the response [response] (validated,derived)', 'event.body -> save() [call] (validated)']],
  // ---- not uses ----------------------------------------------------------------------------------------------------
  ['comparisons and typeof', H("if (event.httpMethod === 'GET' || typeof event.body !== 'string') return;\nif (event.queryStringParameters?.id === 'x') return;"), []],
  ['length checks', H('if (event.body.length > 1000) return { statusCode: 413 };'), []],
  ['logging is not a use', H('console.log(event.body); logger.info("in", { body: event.body });'), []],
  ['number coercion', H('await list(Number(event.queryStringParameters.limit));'), []],
  ['requestContext claims are trusted', H('await load(event.requestContext.authorizer.claims.sub);'), []],
  ['record metadata is trusted', H('return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };'), []],
  ['whole event handed to a framework', "import { processPartialResponse } from '@aws-lambda-powertools/batch';\n" + H('return processPartialResponse(event, record, processor);'), []],
  ['inspection methods', H("if (event.body.includes('x') || event.rawPath.startsWith('/a')) return;"), []],
  ['request method name only', 'exports.api = (req, res) => { if (req.method !== "POST") res.status(405).end(); };', []],
  ['a local that shadows nothing', 'exports.handler = async () => { const event = { body: "x" }; await save(event.body); };', []],
  // ---- web frameworks ----------------------------------------------------------------------------------------------
  ['Express req.body into a query', "const express = require('express');\nconst app = express();\napp.post('/o', async (req, res) => { await db.query(req.body.sql); res.json({}); });", ['req.body -> db.query() [call]']],
  ['Koa ctx.request.body and ctx.query', "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { await save(ctx.request.body); await find(ctx.query.q); ctx.body = 'ok'; });", ['ctx.request.body -> save() [call]', 'ctx.query -> find() [call]']],
  ['Hono c.req.json() and validated c.req.valid()', "import { Hono } from 'hono';\nimport { zValidator } from '@hono/zod-validator';\nconst app = new Hono();\napp.post('/a', async (c) => save(await c.req.json()));\napp.post('/b', zValidator('json', S), async (c) => save(c.req.valid('json')));", ['c.req.json() -> the response [response] (derived)', 'c.req.json() -> save() [call]', 'c.req.valid() -> the response [response] (validated,derived)', 'c.req.valid() -> save() [call] (validated)']],
  ['Fastify schema validates the route', "import Fastify from 'fastify';\nconst app = Fastify();\napp.post('/x', { schema: { body: S } }, async (request) => save(request.body));", ['request.body -> the response [response] (validated,derived)', 'request.body -> save() [call] (validated)']],
  ['Next.js request.json()', 'export async function POST(request) { const data = await request.json(); await db.insert(data); return Response.json({ ok: true }); }', ['request.json() -> db.insert() [call]'], { filename: 'app/api/x/route.js' }],
  // ---- sources from settings ---------------------------------------------------------------------------------------
  ...((): Array<[string, string, string[], Options?]> => {
    const utils = "const { parseEvent, currentQuery } = require('@company/lambda-utils');\n";
    const settings = { 'serverless-security': { sources: [{ module: '@company/lambda-utils', path: ['parseEvent'] }, { module: '@company/lambda-utils', path: ['currentQuery'], trust: 'internal' }] } };
    return [
      ['configured source: a helper library reading the event', utils + H('const body = await parseEvent(event);\nawait save(body.name);'), ['parseEvent() -> save() [call]'], { settings }],
      ['configured source: without the setting, derived', utils + H('const body = await parseEvent(event);\nawait save(body.name);'), ['event.name -> save() [call] (derived)']],
      ['configured source: no input argument, in a callback of the handler', utils + H('await Promise.all([1, 2].map(() => save(currentQuery().q)));'), ['currentQuery() -> save() [call]'], { settings }],
      ['configured source: in a same-file function the handler calls', utils + 'const query = () => currentQuery();\n' + H('await save(query().q);'), ['currentQuery() -> save() [call]'], { settings }],
      ['configured source: outside any handler', utils + 'const q = currentQuery();\nsave(q);\n' + H('await save(q);'), [], { settings }],
      ['configured source: validated afterwards', utils + H('save(checkOrder(parseEvent(event)));'), ['parseEvent() -> save() [call] (validated)'], { settings: { 'serverless-security': { ...settings['serverless-security'], validators: ['checkOrder'] } } }],
    ];
  })(),
  // ---- express-validator: chains only record errors; the request counts as validated where the result is checked ----
  ['express-validator chains alone validate nothing', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => { await run(req.params.id); });", ['req.params -> run() [call]']],
  ['express-validator result checked and rejected: after the check only', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => {\n  await early(req.params.id);\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });\n  await late(req.params.id);\n});", ['req.params -> early() [call]', 'req.params -> late() [call] (validated)']],
  ['express-validator result not checked', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => { const errors = validationResult(req); await run(req.params.id); });", ['req.params -> run() [call]']],
  ['express-validator result checked but only logged', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => { const errors = validationResult(req); if (!errors.isEmpty()) console.log(errors.array()); await run(req.params.id); });", ['req.params -> run() [call]']],
  ['a local function named validationResult', "import express from 'express';\nimport { param } from 'express-validator';\nconst app = express();\nfunction validationResult(r) { return { isEmpty: () => true }; }\napp.post('/u/:id', param('id').isUUID(), async (req, res) => { if (!validationResult(req).isEmpty()) return res.sendStatus(400); await run(req.params.id); });", ['req.params -> run() [call]']],
  ['validationResult(req).throw()', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => { validationResult(req).throw(); await run(req.params.id); });", ['req.params -> run() [call] (validated)']],
  ['if (errors.isEmpty()) covers its block', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => { if (validationResult(req).isEmpty()) { await inside(req.params.id); } await after(req.params.id); });", ['req.params -> inside() [call] (validated)', 'req.params -> after() [call]']],
  ['errors.array().length and a constant rule list with formatWith', EV + "const rules = [param('id').isInt().toInt()];\napp.post('/u/:id', rules, async (req, res) => { const errors = validationResult(req).formatWith((e) => e.msg); if (errors.array().length) return res.status(400).end(); await run(req.params.id); });", ['req.params -> run() [call] (validated)']],
  ['a variable read before the check, used after it', EV + "app.post('/u/:id', param('id').isUUID(), async (req, res) => { const { id } = req.params; await early(id); if (!validationResult(req).isEmpty()) return res.status(400).end(); await late(id); });", ['req.params -> early() [call]', 'req.params -> late() [call] (validated)']],
  [
    'express-validator by field: presence, sanitisers, negation and other fields do not count',
    EV + "app.post('/u/:id', param('id').isUUID(), body('name').notEmpty().trim().escape(), body('bio').isLength({ max: 99 }), body('role').not().isIn(['admin']), async (req, res) => {\n  if (!validationResult(req).isEmpty()) return res.status(400).end();\n  await a(req.params.id); await b(req.body.name); await c(req.body.bio); await d(req.body.role); await e(req.query.q); await f(req.body);\n});",
    ['req.params -> a() [call] (validated)', 'req.body -> b() [call]', 'req.body -> c() [call]', 'req.body -> d() [call]', 'req.query -> e() [call]', 'req.body -> f() [call]'],
  ],
  [
    'checkSchema by field and location',
    EV + "app.post('/u/:id', checkSchema({ id: { in: ['params'], isUUID: true }, name: { notEmpty: true, trim: true }, tag: { isIn: { options: [['a']], negated: true } }, 'items.*.sku': { matches: { options: [/^[A-Z]+$/] } } }), async (req, res) => {\n  if (!validationResult(req).isEmpty()) return res.status(400).end();\n  await a(req.params.id); await b(req.body.id); await c(req.body.name); await d(req.query.tag); await e(req.body.items[0].sku);\n});",
    ['req.params -> a() [call] (validated)', 'req.body -> b() [call]', 'req.body -> c() [call]', 'req.query -> d() [call]', 'req.body -> e() [call] (validated)'],
  ],
  [
    'oneOf checks a field only when every alternative does',
    EV + "app.post('/u/:id', oneOf([param('id').isUUID(), param('id').isInt()]), oneOf([body('email').isEmail(), body('phone').isMobilePhone('any')]), async (req, res) => {\n  if (!validationResult(req).isEmpty()) return res.status(400).end();\n  await a(req.params.id); await b(req.body.email);\n});",
    ['req.params -> a() [call] (validated)', 'req.body -> b() [call]'],
  ],
  ['chains run in the handler with .run(req)', EV + "app.post('/u/:id', async (req, res) => { await param('id').isUUID().run(req); await body('q').isLength({ max: 5 }).run(req); if (!validationResult(req).isEmpty()) return res.status(400).end(); await a(req.params.id); await b(req.body.q); });", ['req.params -> a() [call] (validated)', 'req.body -> b() [call]']],
  ['a same-file middleware that rejects before the handler', EV + "function validate(req, res, next) { const e = validationResult(req); if (!e.isEmpty()) return res.status(422).json({ errors: e.array() }); next(); }\napp.post('/u/:id', param('id').isUUID(), validate, async (req, res) => { await run(req.params.id); });", ['req.params -> run() [call] (validated)']],
  ['a same-file middleware that calls next() either way', EV + "function validate(req, res, next) { const e = validationResult(req); if (!e.isEmpty()) console.warn(e.array()); next(); }\napp.post('/u/:id', param('id').isUUID(), validate, async (req, res) => { await run(req.params.id); });", ['req.params -> run() [call]']],
  ['a same-file middleware factory', EV + "const validate = (rules) => async (req, res, next) => { await Promise.all(rules.map((r) => r.run(req))); const e = validationResult(req); if (e.isEmpty()) return next(); return res.status(400).json({ errors: e.array() }); };\napp.post('/u/:id', validate([param('id').isUUID()]), async (req, res) => { await run(req.params.id); });", ['req.params -> run() [call] (validated)']],
  ['an imported middleware after the chains, named as a check', EV + "import { handleValidationErrors } from './middleware.js';\napp.post('/u/:id', param('id').isUUID(), handleValidationErrors, async (req, res) => { await run(req.params.id); });", ['req.params -> run() [call] (validated)']],
  ['an imported middleware after the chains, named otherwise', EV + "import { auth } from './middleware.js';\napp.post('/u/:id', param('id').isUUID(), auth, async (req, res) => { await run(req.params.id); });", ['req.params -> run() [call]']],
  ['matchedData holds the fields whose chains passed', EV + "app.post('/u', body('email').isEmail(), body('name').notEmpty(), async (req, res) => { const data = matchedData(req); await a(data.email); await b(data.name); await c(data); });", ['matchedData(req) -> a() [call] (validated)', 'matchedData(req) -> b() [call]', 'matchedData(req) -> c() [call]']],
  ['matchedData with every chain checking the value', EV + "app.post('/u', body('email').isEmail(), async (req, res) => { const { email } = matchedData(req); await a(email); await b(matchedData(req)); });", ['matchedData(req) -> a() [call] (validated)', 'matchedData(req) -> b() [call] (validated)']],
  ['require with a renamed validationResult', "const express = require('express');\nconst { body, validationResult: result } = require('express-validator');\nconst app = express();\napp.post('/u', body('email').isEmail(), (req, res) => { if (!result(req).isEmpty()) return res.sendStatus(400); run(req.body.email); });", ['req.body -> run() [call] (validated)']],
  ['a namespace import', "import express from 'express';\nimport * as ev from 'express-validator';\nconst app = express();\napp.post('/u', ev.body('email').isEmail(), (req, res) => { const r = ev.validationResult(req); if (!r.isEmpty()) return res.sendStatus(400); run(req.body.email); });", ['req.body -> run() [call] (validated)']],
  ['a typed route module, its chains out of sight', "import type { Request, Response } from 'express';\nimport { validationResult } from 'express-validator';\nexport const create = async (req: Request, res: Response) => {\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) { return res.status(400).json({ errors: errors.array() }); }\n  await run(req.body.email);\n};", ['req.body -> run() [call] (validated)'], { ts: true }],
  // ---- module scope ------------------------------------------------------------------------------------------------
  ['module variable write', 'let last;\n' + H('last = event.body;'), ['event.body -> module variable `last` [module-write]']],
  ['module map set', 'const cache = new Map();\n' + H('cache.set(event.pathParameters.id, 1);'), ['event.pathParameters -> module-level `cache` [module-write]']],
  ['derived user data', 'const users = {};\n' + H('const user = await db.get(event.pathParameters.id);\nusers.current = user;'), ['event.pathParameters -> db.get() [call]', 'event.pathParameters -> module-level `users` [module-write] (derived)']],
];

describe('input flow', () => {
  it.each(FLOWS)('%s', (_name, code, expected, options) => {
    expect(describeUses(code, options)).toEqual(expected);
  });
  it('has at least 40 cases', () => {
    expect(FLOWS.length).toBeGreaterThanOrEqual(40);
  });
  it('labels the expressions that carry input, and not the others', () => {
    const { analysis, sourceCode } = analyseCode(H('const b = JSON.parse(event.body);\nconst n = 1;\nsave(b, n);'));
    const call = sourceCode.ast.body[0]!;
    const labelled: string[] = [];
    const visit = (node: { type: string; range: [number, number] } & Record<string, unknown>): void => {
      const label = analysis.flow.labelOf(node as never);
      if (label && node.type === 'Identifier') labelled.push(`${sourceCode.text.slice(...node.range)}:${label.sourcePath}`);
      for (const value of Object.values(node)) {
        if (value && typeof value === 'object' && 'type' in value && value !== node.parent) visit(value as never);
        if (Array.isArray(value)) for (const v of value) if (v && typeof v === 'object' && 'type' in v) visit(v as never);
      }
    };
    visit(call as never);
    expect(labelled).toEqual(['event:event', 'b:event.body']);
  });
  it('does nothing in a file with no handler', () => {
    const { analysis } = analyseCode('function f(event) { db.query(event.body); }');
    expect(analysis.handlers).toEqual([]);
    expect(analysis.flow.uses).toEqual([]);
  });
});
