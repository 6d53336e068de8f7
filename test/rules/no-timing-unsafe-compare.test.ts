import rule from '../../src/rules/no-timing-unsafe-compare.js';
import { testRule } from '../rule-tester.js';

const apiKeyHandler = [
  'export const handler = async (event) => {',
  "  if (event.headers['x-api-key'] !== process.env.API_KEY) return { statusCode: 401 };",
  '  return { statusCode: 200 };',
  '};',
].join('\n');

const webhook = [
  "const crypto = require('crypto');",
  "app.post('/hook', (req, res) => {",
  "  const signature = req.headers['x-hub-signature-256'];",
  "  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');",
  '  if (signature !== expected) return res.sendStatus(401);',
  '  res.sendStatus(204);',
  '});',
].join('\n');

const bearer = [
  "import { timingSafeEqual as safeEqual } from 'node:crypto';",
  'export const handler = async (event) => {',
  '  if (event.headers.authorization != `Bearer ${process.env.ADMIN_TOKEN}`) throw new Error("Unauthorized");',
  '};',
].join('\n');

const helper = [
  "import config from './config.js';",
  'export function isAuthorized(headers) {',
  "  return headers['x-api-key'] === config.apiKey;",
  '}',
].join('\n');

const hono = [
  "import { Hono } from 'hono';",
  'const API_KEY = process.env.API_KEY;',
  'const app = new Hono();',
  "app.use('*', async (c, next) => {",
  "  if (c.req.header('x-api-key') !== API_KEY) return c.text('Unauthorized', 401);",
  '  await next();',
  '});',
].join('\n');

const plaintextPassword = [
  'export const handler = async (event) => {',
  '  const { email, password } = JSON.parse(event.body);',
  '  const user = await users.get(email);',
  '  if (!user || user.password !== password) return { statusCode: 401 };',
  '  return { statusCode: 200 };',
  '};',
].join('\n');

const resetToken = [
  "import express from 'express';",
  'const app = express();',
  "app.post('/reset', async (req, res) => {",
  '  const record = await db.get(req.body.email);',
  '  if (!record || record.resetToken !== req.body.token) return res.status(400).end();',
  '  res.end();',
  '});',
].join('\n');

const guard = (a: string, b: string, fn = 'timingSafeEqual') =>
  `typeof ${a} === 'string' && Buffer.byteLength(${a}) === Buffer.byteLength(${b}) && ${fn}(Buffer.from(${a}), Buffer.from(${b}))`;

testRule('no-timing-unsafe-compare', rule, {
  valid: [
    // Lengths, types, literals and missing values say nothing about the secret.
    "export const handler = async (event) => {\n  if (event.headers['x-api-key'].length !== process.env.API_KEY.length) return { statusCode: 401 };\n};",
    "export const handler = async (event) => {\n  const token = event.headers.authorization;\n  if (typeof token !== 'string' || token === '') return { statusCode: 401 };\n};",
    "export const handler = async (event) => {\n  if (event.authorizationToken === 'allow') return allow(event.methodArn);\n};",
    'if (process.env.API_KEY === undefined) throw new Error("API_KEY is not set");',
    // Public values: an issuer, a group name, a status.
    "export const handler = async (event) => {\n  const decoded = decode(event.authorizationToken);\n  if (decoded.payload.iss != tokenIssuer) throw new Error('Unauthorized');\n  if (decoded.payload['cognito:groups'][0] === process.env.ADMIN_GROUP_NAME) return adminPolicy();\n};",
    "app.post('/orders', (req, res) => {\n  if (req.body.status === order.status) res.sendStatus(304);\n});",
    // Two request values, or two configured values: no secret meets the caller's guess.
    "app.get('/callback', (req, res) => {\n  if (req.query.state !== req.cookies.state) return res.status(400).end();\n});",
    'if (config.webhookSecret === process.env.WEBHOOK_SECRET) reuseClient();',
    // Already constant-time.
    "import { timingSafeEqual } from 'node:crypto';\nexport const handler = async (event) => {\n  const given = Buffer.from(event.headers['x-api-key'] ?? '');\n  const known = Buffer.from(process.env.API_KEY);\n  if (given.length !== known.length || !timingSafeEqual(given, known)) return { statusCode: 401 };\n};",
    // A token *type* or a secret's *name* is not the secret.
    "app.post('/token', (req, res) => {\n  if (req.body.tokenType === record.tokenType) res.end();\n  if (req.body.secretName === process.env.SECRET_ARN) res.end();\n});",
    // A header that is not a credential.
    "export const handler = async (event) => {\n  if (event.headers['content-type'] !== expectedContentType) return { statusCode: 415 };\n};",
  ],
  invalid: [
    {
      // A stored reset token, looked up by e-mail, against the caller's guess.
      code: resetToken,
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '!==', secret: '`record.resetToken`' },
          line: 5,
          column: 18,
          suggestions: [
            { messageId: 'suggestTimingSafeEqual', output: "import { timingSafeEqual } from 'node:crypto';\n" + resetToken.replace('record.resetToken !== req.body.token', `!(${guard('req.body.token', 'record.resetToken')})`) },
          ],
        },
      ],
    },
    {
      code: apiKeyHandler,
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '!==', secret: '`process.env.API_KEY`' },
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestTimingSafeEqual',
              output: "import { timingSafeEqual } from 'node:crypto';\n" + apiKeyHandler.replace("event.headers['x-api-key'] !== process.env.API_KEY", `!(${guard("event.headers['x-api-key']", 'process.env.API_KEY')})`),
            },
          ],
        },
      ],
    },
    {
      code: webhook,
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '!==', secret: '`expected`' },
          line: 5,
          column: 7,
          suggestions: [{ messageId: 'suggestTimingSafeEqual', output: webhook.replace('signature !== expected', `!(${guard('signature', 'expected', 'crypto.timingSafeEqual')})`) }],
        },
      ],
    },
    {
      code: bearer,
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '!=', secret: '``Bearer ${process.env.ADMIN_TOKEN}``' },
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestTimingSafeEqual',
              output: bearer.replace('event.headers.authorization != `Bearer ${process.env.ADMIN_TOKEN}`', `!(${guard('event.headers.authorization', '`Bearer ${process.env.ADMIN_TOKEN}`', 'safeEqual')})`),
            },
          ],
        },
      ],
    },
    {
      // No handler in sight: the header read is the evidence.
      code: helper,
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '===', secret: '`config.apiKey`' },
          line: 3,
          column: 10,
          suggestions: [
            { messageId: 'suggestTimingSafeEqual', output: "import { timingSafeEqual } from 'node:crypto';\n" + helper.replace("headers['x-api-key'] === config.apiKey", `(${guard("headers['x-api-key']", 'config.apiKey')})`) },
          ],
        },
      ],
    },
    {
      // A call on the input side: reported, but not rewritten (the call would run three times).
      code: hono,
      errors: [{ messageId: 'timingUnsafe', data: { operator: '!==', secret: '`API_KEY`' }, line: 5, column: 7, suggestions: [] }],
    },
    {
      code: plaintextPassword,
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '!==', secret: '`user.password`' },
          line: 4,
          column: 16,
          suggestions: [
            { messageId: 'suggestTimingSafeEqual', output: "import { timingSafeEqual } from 'node:crypto';\n" + plaintextPassword.replace('user.password !== password', `!(${guard('password', 'user.password')})`) },
          ],
        },
      ],
    },
    {
      // The HMAC digest itself, compared inline.
      code: "import { createHmac } from 'crypto';\nexport const handler = async (event) => {\n  const sig = event.headers['stripe-signature'];\n  if (createHmac('sha256', key).update(event.body).digest('hex') === sig) return ok();\n};",
      errors: [{ messageId: 'timingUnsafe', data: { operator: '===', secret: 'the HMAC digest' }, line: 4, column: 7, suggestions: [] }],
    },
  ],
  tsValid: [
    "export async function GET(request: Request) {\n  const { searchParams } = new URL(request.url);\n  if (searchParams.get('page') === String(lastPage)) return Response.json([]);\n}",
    "export async function POST(request: Request) {\n  const auth = request.headers.get('authorization') as string | null;\n  if (auth === null) return new Response(null, { status: 401 });\n}",
  ],
  tsInvalid: [
    {
      // A Next.js revalidation secret in the query string.
      code: "export async function GET(request: Request) {\n  const secret = new URL(request.url).searchParams.get('secret');\n  if (secret !== process.env.REVALIDATE_SECRET) return Response.json({ message: 'Invalid token' }, { status: 401 });\n}",
      errors: [
        {
          messageId: 'timingUnsafe',
          data: { operator: '!==', secret: '`process.env.REVALIDATE_SECRET`' },
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestTimingSafeEqual',
              output: "import { timingSafeEqual } from 'node:crypto';\nexport async function GET(request: Request) {\n  const secret = new URL(request.url).searchParams.get('secret');\n  if (" + `!(${guard('secret', 'process.env.REVALIDATE_SECRET')})` + ") return Response.json({ message: 'Invalid token' }, { status: 401 });\n}",
            },
          ],
        },
      ],
    },
    {
      code: "export async function POST(request: Request) {\n  const token = request.headers.get('authorization')?.replace('Bearer ', '');\n  if (token !== (process.env.CRON_SECRET as string)) return new Response(null, { status: 401 });\n}",
      errors: [{ messageId: 'timingUnsafe', data: { operator: '!==', secret: '`process.env.CRON_SECRET as string`' }, line: 3, column: 7 , suggestions: [{ messageId: 'suggestTimingSafeEqual', output: "import { timingSafeEqual } from 'node:crypto';\nexport async function POST(request: Request) {\n  const token = request.headers.get('authorization')?.replace('Bearer ', '');\n  if (" + `!(${guard('token', 'process.env.CRON_SECRET as string')})` + ") return new Response(null, { status: 401 });\n}"}] }],
    },
  ],
});
