import rule from '../../src/rules/no-unvalidated-event.js';
import { testRule } from '../rule-tester.js';

testRule('no-unvalidated-event', rule, {
  valid: [
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
       await db.put(order);
       return { statusCode: 201, body: JSON.stringify(order) };
     };`,
    `const Joi = require('joi');
     const schema = Joi.object({ id: Joi.string() });
     exports.handler = async (event) => {
       const { value, error } = schema.validate(JSON.parse(event.body));
       if (error) return { statusCode: 400 };
       await db.put(value);
     };`,
    `import Ajv from 'ajv';
     const validate = new Ajv().compile(schema);
     export const handler = async (event) => {
       const body = JSON.parse(event.body);
       if (!validate(body)) return { statusCode: 400 };
       await db.put(body);
     };`,
    // Whole-handler validation by middleware.
    `import middy from '@middy/core';
     import validator from '@middy/validator';
     const base = async (event) => db.put(event.body);
     export const handler = middy(base).use(validator({ eventSchema }));`,
    // Only compared, length-checked, logged: not uses.
    `exports.handler = async (event) => {
       console.log('request', event.requestContext.requestId);
       if (event.body.length > 10000) return { statusCode: 413 };
       if (event.queryStringParameters?.mode === 'fast') return fast();
       return slow();
     };`,
    // Authorizer claims are set by API Gateway.
    `exports.handler = async (event) => {
       const userId = event.requestContext.authorizer.claims.sub;
       return db.get(userId);
     };`,
    // Record metadata is set by the platform.
    `exports.handler = async (event) => ({
       batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })),
     });`,
    // No handler in the file.
    `function helper(event) { return db.query(event.body); }`,
    // A configured validator.
    {
      code: `exports.handler = async (event) => db.put(checkOrder(JSON.parse(event.body)));`,
      settings: { 'serverless-security': { validators: ['checkOrder'] } },
    },
  ],
  invalid: [
    {
      code: `exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  await ddb.send(new PutCommand({ TableName: 'orders', Item: body }));
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 27, data: { path: 'event.body', target: 'new PutCommand()' } }],
    },
    {
      code: `exports.handler = async (event) => {
  const id = event.pathParameters?.id;
  return fetch(\`https://internal/orders/\${id}\`);
};`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 14, data: { path: 'event.pathParameters', target: 'fetch()' } }],
    },
    {
      // Two inputs, two reports, each at its read.
      code: `module.exports.search = async (event) => {
  const q = event.queryStringParameters.q;
  const tenant = event.headers['x-tenant'];
  return db.query(q, tenant);
};`,
      errors: [
        { messageId: 'unvalidated', line: 2, column: 13, data: { path: 'event.queryStringParameters', target: 'db.query()' } },
        { messageId: 'unvalidated', line: 3, column: 18, data: { path: 'event.headers', target: 'db.query()' } },
      ],
    },
    {
      // Destructured in the parameter list; echoed into the response.
      code: `export const handler = async ({ body }) => ({ statusCode: 200, body });`,
      errors: [{ messageId: 'unvalidated', line: 1, column: 33, data: { path: 'event.body', target: 'the response' } }],
    },
    {
      // Followed into a same-file function.
      code: `async function save(order) { await table.put(order); }
exports.handler = async (event) => { await save(JSON.parse(event.body)); };`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 60, data: { path: 'event.body', target: 'table.put()' } }],
    },
    {
      // SQS records: each record body is input.
      code: `exports.handler = async (event) => {
  for (const record of event.Records) {
    await process(JSON.parse(record.body));
  }
};`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 30, data: { path: 'event.Records[].body', target: 'process()' } }],
    },
    {
      // (req, res) handlers: the response is a sink too.
      code: `exports.api = (req, res) => { res.send(req.query.name); };`,
      errors: [{ messageId: 'unvalidated', line: 1, column: 40, data: { path: 'req.query', target: 'res.send()' } }],
    },
    {
      // A parser named parse is not a validator.
      code: `const qs = require('qs');
exports.handler = async (event) => db.find(qs.parse(event.body));`,
      errors: [{ messageId: 'unvalidated', line: 2, column: 53, data: { path: 'event.body', target: 'db.find()' } }],
    },
    {
      // Fetch-style handler.
      code: `export default {
  async fetch(request, env) {
    const data = await request.json();
    return env.DB.prepare('INSERT INTO t VALUES (?)').bind(data.name).run();
  },
};`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 24, data: { path: 'request.json()', target: 'bind()' } }],
    },
  ],
  tsValid: [
    // Framework routes validated at the route.
    `import { Hono } from 'hono';
     import { zValidator } from '@hono/zod-validator';
     const app = new Hono();
     app.post('/orders', zValidator('json', Order), async (c) => c.json(await save(c.req.valid('json'))));`,
    `import Fastify from 'fastify';
     const app = Fastify();
     app.post('/orders', { schema: { body: OrderSchema } }, async (request) => save(request.body));`,
    `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
     import { z } from 'zod';
     const Q = z.object({ id: z.string().uuid() });
     export const handler: APIGatewayProxyHandlerV2 = async (event) => {
       const result = Q.safeParse(event.queryStringParameters ?? {});
       if (!result.success) return { statusCode: 400 };
       return { statusCode: 200, body: JSON.stringify(await load(result.data.id)) };
     };`,
  ],
  tsInvalid: [
    {
      // Express behind serverless-http: routes are handlers.
      code: `import express from 'express';
import serverless from 'serverless-http';
const app = express();
app.get('/users/:id', async (req, res) => res.json(await db.get(req.params.id)));
export const handler = serverless(app);`,
      errors: [{ messageId: 'unvalidated', line: 4, column: 65, data: { path: 'req.params', target: 'db.get()' } }],
    },
    {
      code: `import Router from '@koa/router';
const router = new Router();
router.post('/orders', async (ctx) => { await orders.insert(ctx.request.body); ctx.status = 201; });`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 61, data: { path: 'ctx.request.body', target: 'orders.insert()' } }],
    },
    {
      code: `export async function POST(request: Request) {
  const order = await request.json();
  await db.insert(order);
  return Response.json({ ok: true });
}`,
      filename: 'app/api/orders/route.ts',
      errors: [{ messageId: 'unvalidated', line: 2, column: 23, data: { path: 'request.json()', target: 'db.insert()' } }],
    },
    {
      code: `import type { APIGatewayProxyEvent } from 'aws-lambda';
export const getUser = async (event: APIGatewayProxyEvent) => {
  const id = event.pathParameters!.id as string;
  return db.get({ Key: { id } });
};`,
      errors: [{ messageId: 'unvalidated', line: 3, column: 14, data: { path: 'event.pathParameters', target: 'db.get()' } }],
    },
  ],
});
