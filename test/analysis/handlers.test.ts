import { describe, expect, it } from 'vitest';
import { describeHandlers, type Options } from './analyse.js';

const AWS = 'aws/event input=event';

/** [shape, code, expected handlers, options]: detected and not-detected shapes, JS and TS. */
const SHAPES: Array<[string, string, string[], Options?]> = [
  // ---- AWS Lambda, CommonJS --------------------------------------------------------------------------------------
  ['exports.handler arrow', 'exports.handler = async (event) => event.body;', [AWS]],
  ['module.exports.handler function', 'module.exports.handler = async function (event, context) {};', [AWS]],
  ['module.exports = { handler }', 'async function handler(event) {}\nmodule.exports = { handler };', [AWS]],
  ['module.exports = { handler: fn }', 'module.exports = { handler: async (event) => {} };', [AWS]],
  ['serverless framework export by event param', 'module.exports.hello = async (event) => ({ statusCode: 200 });', [AWS]],
  ['callback style', 'exports.handler = function (event, context, callback) { callback(null, 1); };', [AWS]],
  ['handler named by variable', 'const main = async (evt) => {};\nexports.handler = main;', ['aws/event input=evt']],
  // ---- AWS Lambda, ES modules ------------------------------------------------------------------------------------
  ['export const handler', 'export const handler = async (event) => {};', [AWS]],
  ['export async function handler', 'export async function handler(event, context) {}', [AWS]],
  ['export { main as handler }', 'async function main(event) {}\nexport { main as handler };', [AWS]],
  ['destructured event parameter', 'export const handler = async ({ body, headers }) => {};', ['aws/event input={ body, headers }']],
  ['handler with no parameters', 'export const handler = async () => ({ statusCode: 204 });', ['aws/event input=-']],
  // ---- wrappers --------------------------------------------------------------------------------------------------
  ['middy(fn)', "import middy from '@middy/core';\nconst base = async (event) => {};\nexport const handler = middy(base);", [AWS]],
  ['middy(fn).use(...)', "import middy from '@middy/core';\nimport cors from '@middy/http-cors';\nexport const handler = middy(async (event) => {}).use(cors());", [AWS]],
  ['middy().handler(fn)', "import middy from '@middy/core';\nexport const handler = middy().use(x()).handler(async (event) => {});", [AWS]],
  [
    'middy with @middy/validator',
    "import middy from '@middy/core';\nimport validator from '@middy/validator';\nexport const handler = middy(async (event) => {}).use(validator({ eventSchema }));",
    [`${AWS} validated-by=@middy/validator`],
  ],
  [
    'middy().use(validator).handler(fn)',
    "const middy = require('@middy/core');\nconst validator = require('@middy/validator');\nexports.handler = middy().use(validator({ eventSchema })).handler(async (event) => {});",
    [`${AWS} validated-by=@middy/validator`],
  ],
  [
    'Powertools parser middleware',
    "import middy from '@middy/core';\nimport { parser } from '@aws-lambda-powertools/parser/middleware';\nexport const handler = middy(async (event) => {}).use(parser({ schema: Order }));",
    [`${AWS} validated-by=@aws-lambda-powertools/parser/middleware`],
  ],
  ['generic wrapper', "import * as Sentry from '@sentry/aws-serverless';\nexport const handler = Sentry.wrapHandler(async (event) => {});", [AWS]],
  // ---- TypeScript: found by aws-lambda types, whatever the name -------------------------------------------------
  [
    'typed event parameter',
    "import type { APIGatewayProxyEvent } from 'aws-lambda';\nconst process = async (e: APIGatewayProxyEvent) => {};",
    ['aws/event input=e'],
    { ts: true },
  ],
  [
    'typed handler variable',
    "import { SQSHandler } from 'aws-lambda';\nconst consume: SQSHandler = async (batch) => {};",
    ['aws/event input=batch'],
    { ts: true },
  ],
  [
    'Handler<T> type',
    "import type { Handler } from 'aws-lambda';\nexport const run: Handler<{ id: string }> = async (input) => {};",
    ['aws/event input=input'],
    { ts: true },
  ],
  [
    'Powertools class handler',
    "import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';\nclass Lambda implements LambdaInterface {\n  public async handler(event: unknown, context: unknown) {}\n}\nexport const handler = new Lambda().handler;",
    ['aws/event input=event'],
    { ts: true },
  ],
  [
    'Powertools class with @parser decorator',
    "import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';\nimport { parser } from '@aws-lambda-powertools/parser';\nclass Lambda implements LambdaInterface {\n  @parser({ schema: Order })\n  public async handler(event: Order) {}\n}",
    ['aws/event input=event validated-by=@aws-lambda-powertools/parser'],
    { ts: true },
  ],
  // ---- Azure, Google Cloud, Vercel, fetch --------------------------------------------------------------------------
  ['Azure v4 app.http', "const { app } = require('@azure/functions');\napp.http('orders', { methods: ['POST'], handler: async (request, context) => {} });", ['azure/request input=request']],
  ['Azure v4 queue trigger', "import { app } from '@azure/functions';\napp.storageQueue('q', { queueName: 'q', connection: 'c', handler: async (message, context) => {} });", ['azure/message input=message']],
  ['Azure v3 (context, req)', 'module.exports = async function (context, req) { context.res = { body: 1 }; };', ['azure/request input=req']],
  ['Google functions.http', "const functions = require('@google-cloud/functions-framework');\nfunctions.http('hello', (req, res) => { res.send('hi'); });", ['gcp/request input=req']],
  ['Google functions.cloudEvent', "import * as ff from '@google-cloud/functions-framework';\nff.cloudEvent('onUpload', (cloudEvent) => {});", ['gcp/message input=cloudEvent']],
  ['Google classic export (req, res)', 'exports.helloHttp = (req, res) => { res.send(req.query.name); };', ['gcp/request input=req']],
  ['Firebase onRequest', "const { onRequest } = require('firebase-functions/v2/https');\nexports.api = onRequest((req, res) => {});", ['gcp/request input=req']],
  ['fetch-style default export', 'export default { async fetch(request, env, ctx) { return new Response("ok"); } };', ['web/request input=request']],
  ['Vercel default export', 'export default function handler(req, res) { res.status(200).json({}); }', ['web/request input=req']],
  ['settings.handlerNames', 'export const main = async (payload) => {};', ['aws/event input=payload'], { settings: { 'serverless-security': { handlerNames: ['main'] } } }],
  // ---- web frameworks, resolved through their imports ---------------------------------------------------------------
  ['Express app routes', "const express = require('express');\nconst app = express();\napp.get('/a', (req, res) => {});\napp.post('/b', auth, async (req, res, next) => {});\nmodule.exports.handler = serverless(app);", ['web/request input=req', 'web/request input=req']],
  ['Express Router with a named handler', "import { Router } from 'express';\nconst router = Router();\nasync function create(req, res) {}\nrouter.route('/x').get((req, res) => {}).post(create);", ['web/request input=req', 'web/request input=req']],
  ['Koa router', "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/users/:id', async (ctx) => {});", ['web/context input=ctx']],
  ['Fastify route() and shorthand with options', "import Fastify from 'fastify';\nconst app = Fastify();\napp.route({ method: 'GET', url: '/', handler: async (request, reply) => {} });\napp.post('/x', { schema: { body: S } }, async (request, reply) => {});", ['web/request input=request', 'web/request input=request validated-by=fastify schema']],
  ['Hono with zValidator', "import { Hono } from 'hono';\nimport { zValidator } from '@hono/zod-validator';\nconst app = new Hono();\napp.get('/a', (c) => c.text('x'));\napp.post('/b', zValidator('json', S), (c) => c.json(c.req.valid('json')));", ['web/context input=c', 'web/context input=c validated-by=@hono/zod-validator']],
  ['Next.js route handlers', 'export async function GET(request) {}\nexport const POST = async (request, { params }) => {};', ['web/request input=request', 'web/request input=request'], { filename: 'app/api/orders/route.ts' }],
  ['Next.js-named exports outside route files', 'export async function GET(request) {}', []],
  ['Netlify Functions 2.0 by folder', 'export default async (req, context) => new Response(req.url);', ['web/request input=req'], { filename: 'netlify/functions/hello.mjs' }],
  ['Netlify Functions 2.0 by types', "import type { Context } from '@netlify/functions';\nexport default async (request: Request, context: Context) => new Response('ok');", ['web/request input=request'], { ts: true }],
  ['a default export (req, context) elsewhere', 'export default async (req, context) => new Response(req.url);', []],
  ['app.get on an object that is not a framework app', "const app = createStore();\napp.get('/a', (req, res) => {});", []],
  ['client-side router', "import { createRouter } from 'vue-router';\nconst router = createRouter();\nrouter.get('/x', (req, res) => {});", []],
  // ---- Express route modules (app.get lives in another file) ----------------------------------------------------
  ['typed Express route', "import type { Request, Response, NextFunction } from 'express';\nexport const login = async (req: Request, res: Response, next: NextFunction) => {};", ['web/request input=req'], { ts: true }],
  ['route factory', 'export function login() { return (req, res, next) => { next(); }; }', ['web/request input=req']],
  ['route factory with options', 'export const upload = (options) => async (req, res) => res.end();', ['web/request input=req']],
  ['a factory returning something else', 'export function makeClient(config) { return (url) => fetch(url); }', []],
  // ---- not handlers ------------------------------------------------------------------------------------------------
  ['file with no handler', 'export function add(a, b) { return a + b; }', []],
  ['a type guard over events', 'export function isSqsEvent(event: unknown): event is { Records: unknown[] } { return !!event; }', [], { ts: true }],
  ['a boolean-typed check', 'export const isApiEvent = (event: any): boolean => { const t = typeof event; return t === "object"; };', [], { ts: true }],
  ['a one-expression predicate', "export const hasBody = (event) => typeof event.body === 'string';", []],
  ['a named handler is still a handler when it returns a comparison', 'export const handler = async (event) => event.ok === true;', [AWS]],
  ['unexported function with an event parameter', 'function onClick(event) { event.preventDefault(); }', []],
  ['exported non-function', "export const handler = 'name';", []],
  ['browser fetch wrapper', 'export async function getOrders(request) { return fetch(request); }', []],
  ['untyped function in a TS file', 'const process = async (e: unknown) => {};', [], { ts: true }],
  ['aws-lambda Context type only', "import type { Context } from 'aws-lambda';\nexport function log(ctx: Context) {}", [], { ts: true }],
  ['app.http from another library', "import { app } from './my-app';\napp.http('x', { handler: async (request) => {} });", []],
  ['library default export taking an event', 'module.exports = (event, context, options) => createRequest(event);', []],
  ['library function whose first parameter is an event', 'export function updateTask(event, task, runner) {}', []],
  ['a lone req parameter', 'module.exports = function parseurl(req) { return req.url; };', []],
  ['Express-style middleware (req, res, next)', 'exports.bodyParser = (req, res, next) => next();', []],
  ['malformed settings are ignored', 'export const main = async (payload) => {};', [], { settings: { 'serverless-security': { handlerNames: 'main' } } }],
];

describe('handler detection', () => {
  it.each(SHAPES)('%s', (_shape, code, expected, options) => {
    expect(describeHandlers(code, options)).toEqual(expected);
  });
  it('has at least 30 shapes', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(30);
  });
});
