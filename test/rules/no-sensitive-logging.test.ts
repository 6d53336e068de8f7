import rule from '../../src/rules/no-sensitive-logging.js';
import { testRule } from '../rule-tester.js';

testRule('no-sensitive-logging', rule, {
  valid: [
    // A copy of the credentials with the password masked.
    `exports.handler = async () => {
       const secret = JSON.parse((await sm.getSecretValue({ SecretId: arn })).SecretString);
       const logSecret = { ...secret, password: '*********' };
       console.log('Using credentials', logSecret);
     };`,
    // Pagination, Step Functions and idempotency tokens are not credentials; decoded claims are not the token.
    `exports.handler = async (event) => {
       const page = await ddb.scan({ TableName: 't', ExclusiveStartKey: event.cursor });
       console.log('page', { nextToken: page.NextToken, taskToken: event.taskToken, clientToken: event.clientToken });
     };`,
    `exports.api = async (req, res) => {
       const decodedIdToken = await admin.auth().verifyIdToken(req.headers.authorization.split('Bearer ')[1]);
       console.log('ID Token correctly decoded', decodedIdToken.uid);
       res.json({ ok: true });
     };`,
    // Queue, bus and direct-invoke events have no headers to leak.
    `exports.handler = async (event) => {
       console.log('received', JSON.stringify(event));
       for (const record of event.Records) await handle(JSON.parse(record.body));
     };`,
    `exports.handler = async (event) => {
       console.log('Event received:', JSON.stringify(event, null, 2));
       return save(event.detail);
     };`,
    // A token handed to an API client, not to a logger.
    `exports.api = async (req, res) => {
       const accessToken = await exchange(req.query.code);
       const profile = await getProfile(accessToken);
       console.log('profile received', profile);
       res.json(profile);
     };
     async function getProfile(token) { const r = await fetch('https://api.example.com/me', { headers: { Authorization: token } }); return r.json(); }`,
    `exports.handler = async (event, context) => {
       console.log('request', { requestId: context.awsRequestId, path: event.rawPath, status: 200 });
       logger.info('batch', { size: event.Records.length });
     };`,
    // Errors, counts and policies are fine to log.
    `try { work(); } catch (err) { console.error('failed', err); }`,
    `logger.info('usage', { tokenCount: 12, passwordPolicy: 'strict', secretArn: arn });`,
    // Masked values.
    `logger.info('login', { password: '***' });`,
    // Not a logger.
    `store.info(password); analytics.track(event);`,
    // A queue consumer's event carries no caller credentials; a schema-parsed event keeps only what the schema names.
    `exports.handler = async (event) => { console.log(JSON.stringify(event)); await processBatch(event.Records); };`,
    `import { z } from 'zod';
     const Event = z.object({ body: z.string() });
     exports.handler = async (event) => { const parsed = Event.parse(event); logger.info('in', parsed); return { statusCode: 200 }; };`,
    // One header, or only the names of the headers; the headers of a queue message.
    `exports.handler = async (event) => {\n  console.log(event.headers['user-agent'], Object.keys(event.headers));\n  return { statusCode: 200, body: 'ok' };\n};`,
    `exports.handler = async (event) => {\n  for (const record of event.Records) console.log(record.messageAttributes, record.headers);\n};`,
    // The event of a function that is not a handler.
    `function onClick(event) { console.log(event); }`,
  ],
  invalid: [
    {
      code: `exports.handler = async (event) => {\n  console.log('event', JSON.stringify(event));\n  return { statusCode: 204 };\n};`,
      errors: [{ messageId: 'wholeInput', data: { what: 'event' }, line: 2, column: 24 }],
    },
    {
      code: `export const handler = async (event) => {\n  logger.info({ event });\n  return { statusCode: 200, body: 'ok' };\n};`,
      errors: [{ messageId: 'wholeInput', line: 2, column: 15 }],
    },
    {
      code: `exports.api = (req, res) => { req.log.info(req); res.end(); };`,
      errors: [{ messageId: 'wholeInput', data: { what: 'request' }, line: 1, column: 44 }],
    },
    {
      // Every header, the bearer token and the session cookie with them.
      code: `exports.handler = async (event) => {\n  const { headers } = event;\n  console.info('headers', event.headers);\n  console.log(JSON.stringify(headers));\n  return { statusCode: 200, body: 'ok' };\n};`,
      errors: [
        { messageId: 'wholeHeaders', line: 3, column: 27 },
        { messageId: 'wholeHeaders', line: 4, column: 30 },
      ],
    },
    {
      code: `module.exports = async function (context, req) {\n  context.log(req.headers);\n  context.res = { body: 'ok' };\n};`,
      errors: [{ messageId: 'wholeHeaders', line: 2, column: 15 }],
    },
    {
      code: `console.log('config', process.env);`,
      errors: [{ messageId: 'wholeEnv', line: 1, column: 23 }],
    },
    {
      code: `logger.debug('login', { user: body.email, password: body.password });`,
      errors: [{ messageId: 'sensitiveValue', data: { name: 'password' }, line: 1, column: 53 }],
    },
    {
      code: `console.log(\`auth header: \${event.headers.authorization}\`);\nconsole.info('card', cardNumber);`,
      errors: [
        { messageId: 'sensitiveValue', data: { name: 'authorization' }, line: 1, column: 29 },
        { messageId: 'sensitiveValue', data: { name: 'cardNumber' }, line: 2, column: 22 },
      ],
    },
    {
      code: `context.log('token', accessToken);`,
      errors: [{ messageId: 'sensitiveValue', data: { name: 'accessToken' }, line: 1, column: 22 }],
    },
    {
      code: `logger.info('x', { pin: user.pin });`,
      options: [{ sensitiveNames: ['pin'] }],
      errors: [{ messageId: 'sensitiveValue', line: 1, column: 25 }],
    },
  ],
  tsInvalid: [
    {
      code: "import express from 'express';\nconst app = express();\napp.post('/login', (req, res) => { console.log('login', req); res.end(); });",
      errors: [{ messageId: 'wholeInput', data: { what: 'request' }, line: 3, column: 57 }],
    },
    {
      code: `import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent } from 'aws-lambda';
const logger = new Logger();
export const handler = async (event: APIGatewayProxyEvent) => {
  logger.info('received', { event: event as unknown });
};`,
      errors: [{ messageId: 'wholeInput', line: 5, column: 27 }],
    },
  ],
});
