import rule from '../../src/rules/no-error-leak.js';
import { testRule } from '../rule-tester.js';

const GENERIC = "'Internal server error'";
/** The suggestion's output: `code` with the leaked expression (its `at`-th occurrence) replaced by the generic message. */
const generic = (code: string, leaked: string, at = 0): string => {
  let index = -1;
  for (let i = 0; i <= at; i++) index = code.indexOf(leaked, index + 1);
  return code.slice(0, index) + GENERIC + code.slice(index + leaked.length);
};
const suggest = (code: string, leaked: string, at = 0) => [{ messageId: 'suggestGeneric' as const, output: generic(code, leaked, at) }];

const STACK = `exports.handler = async (event) => {
  try { return { statusCode: 200, body: await work() }; }
  catch (err) { return { statusCode: 500, body: JSON.stringify({ error: err.stack }) }; }
};`;
const TEMPLATE = `exports.handler = async () => {
  try { await work(); } catch (e) { return { statusCode: 500, body: \`failed: \${e}\` }; }
};`;
const HELPER = `const respond = (code, body) => ({ statusCode: code, body: JSON.stringify(body) });
exports.handler = async () => {
  try { await work(); } catch (error) {
    const detail = { message: error.message };
    return respond(500, detail);
  }
};`;
const CALLBACK = `exports.handler = (event, context, callback) => {
  work().then((r) => callback(null, { statusCode: 200, body: r })).catch((err) => callback(err));
};`;
const EXPRESS = `exports.api = (req, res) => {
  work().catch((err) => res.status(500).json({ error: err }));
};`;
const ERROR_MIDDLEWARE = `import express from 'express';
const app = express();
app.use((err, req, res, next) => { res.status(500).json({ error: err.message, stack: err.stack }); });`;
const HONO_ON_ERROR = `import { Hono } from 'hono';
const app = new Hono();
app.onError((err, c) => c.json({ message: err.message }, 500));`;
const SECRET_ENV = `exports.handler = async () => ({ statusCode: 200, body: process.env.DB_PASSWORD });`;
const KOA = `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  try { await next(); } catch (err) { ctx.body = err.message; }
});`;
const HONO = `import { Hono } from 'hono';
const app = new Hono();
app.get('/x', async (c) => {
  try { return c.json(await work()); } catch (err) { return c.json({ error: String(err) }, 500); }
});`;
const FETCH = `export default {
  async fetch(request: Request): Promise<Response> {
    try { return new Response(await work(request)); }
    catch (err) { return Response.json({ message: (err as Error).message }, { status: 500 }); }
  },
};`;

testRule('no-error-leak', rule, {
  valid: [
    // Logged, and answered with a generic message.
    `exports.handler = async (event) => {
       try { return { statusCode: 200, body: await work() }; }
       catch (err) {
         console.error('work failed', err);
         return { statusCode: 500, body: JSON.stringify({ message: 'Internal server error' }) };
       }
     };`,
    // A status code alone.
    `exports.handler = async () => {
       try { await work(); } catch (err) { return { statusCode: err.statusCode ?? 500, body: err.name }; }
     };`,
    // An application error class whose message is written for the caller.
    `import express from 'express';
     const app = express();
     app.use((err, req, res, next) => {
       if (err instanceof handlers.ItemNotFoundError) res.status(404).send(err.message);
       else res.status(500).send('Something broke!');
     });`,
    // Error middleware that logs and answers generically.
    `import express from 'express';
     const app = express();
     app.use((err, req, res, next) => { logger.error(err); res.status(500).json({ error: 'Internal server error' }); });`,
    // callback(err) in an HTTP handler: API Gateway answers a bare 502 and drops the error.
    CALLBACK,
    // A try block that cannot throw: its catch never runs.
    `exports.handler = async (event) => {
       try { return { statusCode: 200, body: JSON.stringify({ message: 'Hello' }) }; }
       catch (error) { return { statusCode: 500, body: JSON.stringify({ error }) }; }
     };`,
    // Workers and triggers answer a service, not a person: a stream handler, a custom resource, a WebSocket route.
    `exports.handler = async (event) => {
       try { for (const record of event.Records) await save(record.dynamodb.NewImage); }
       catch (err) { return { statusCode: 500, body: err.message }; }
     };`,
    `exports.handler = async (event) => {
       try { await configure(event.ResourceProperties); return submit('SUCCESS'); }
       catch (e) { return submit('FAILED', e.message); }
     };`,
    `import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
     export const handler = async (event) => {
       try { await broadcast(event.body); } catch (e) { return { statusCode: 500, body: e.stack }; }
       return { statusCode: 200 };
     };`,
    // The error goes to a same-file helper that logs it and answers a bare status.
    `exports.auth = (req, res) => {
       const handleError = (error) => { logger.error(error); res.sendStatus(500); return; };
       try { login(req.body); } catch (error) { return handleError(error); }
     };`,
    // callback(err) in a queue consumer asks Lambda to retry; nothing reaches a caller.
    `exports.handler = (event, context, callback) => {
       process(event.Records).then(() => callback(null), (err) => callback(err));
     };`,
    // A safe error class the user lists.
    {
      code: `exports.handler = async () => {
         try { await work(); }
         catch (err) {
           if (err instanceof ValidationError) return { statusCode: 400, body: err.message };
           return { statusCode: 500, body: 'Internal server error' };
         }
       };`,
      options: [{ safeErrorClasses: ['ValidationError'] }],
    },
    // Non-secret configuration and errors outside handlers.
    `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ region: process.env.AWS_REGION }) });`,
    `function helper() { try { work(); } catch (err) { return err.message; } }`,
    `throw new Error('Missing ' + 'DB_PASSWORD');`,
  ],
  invalid: [
    {
      code: STACK,
      errors: [{ messageId: 'errorLeak', data: { what: "the error's `stack`" }, line: 3, column: 73, suggestions: suggest(STACK, 'err.stack') }],
    },
    {
      code: TEMPLATE,
      errors: [{ messageId: 'errorLeak', data: { what: 'a caught error (`e`)' }, line: 2, column: 80, suggestions: suggest(TEMPLATE, 'e}', 0).map((x) => ({ ...x, output: TEMPLATE.replace('${e}', `\${${GENERIC}}`) })) }],
    },
    {
      // Through a local variable and a same-file response helper.
      code: HELPER,
      errors: [{ messageId: 'errorLeak', data: { what: "the error's `message`" }, line: 4, column: 31, suggestions: suggest(HELPER, 'error.message') }],
    },
    {
      // Express error middleware answers the request that failed.
      code: ERROR_MIDDLEWARE,
      errors: [
        { messageId: 'errorLeak', line: 3, column: 66, suggestions: suggest(ERROR_MIDDLEWARE, 'err.message') },
        { messageId: 'errorLeak', line: 3, column: 86, suggestions: suggest(ERROR_MIDDLEWARE, 'err.stack') },
      ],
    },
    {
      code: HONO_ON_ERROR,
      errors: [{ messageId: 'errorLeak', line: 3, column: 43, suggestions: suggest(HONO_ON_ERROR, 'err.message') }],
    },
    {
      code: EXPRESS,
      errors: [{ messageId: 'errorLeak', line: 2, column: 55, suggestions: suggest(EXPRESS, 'err', 2) }],
    },
    {
      code: `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify(process.env) });`,
      errors: [{ messageId: 'envLeak', line: 1, column: 72, suggestions: [{ messageId: 'suggestGeneric', output: `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify(${GENERIC}) });` }] }],
    },
    {
      code: SECRET_ENV,
      errors: [{ messageId: 'secretEnvLeak', data: { name: 'DB_PASSWORD' }, line: 1, column: 57, suggestions: suggest(SECRET_ENV, 'process.env.DB_PASSWORD') }],
    },
    {
      code: `const error = new Error(\`login failed with \${process.env.API_TOKEN}\`);`,
      errors: [{ messageId: 'secretInError', data: { name: 'API_TOKEN' }, line: 1, column: 46 }],
    },
  ],
  tsInvalid: [
    {
      code: KOA,
      errors: [{ messageId: 'errorLeak', line: 4, column: 50, suggestions: suggest(KOA, 'err.message') }],
    },
    {
      code: HONO,
      errors: [{ messageId: 'errorLeak', line: 4, column: 84, suggestions: suggest(HONO, 'err', 2) }],
    },
    {
      code: FETCH,
      errors: [{ messageId: 'errorLeak', line: 4, column: 51, suggestions: suggest(FETCH, '(err as Error).message') }],
    },
  ],
});
