import rule from '../../src/rules/no-insecure-randomness.js';
import { testRule } from '../rule-tester.js';

testRule('no-insecure-randomness', rule, {
  valid: [
    // Jitter, backoff and retry delays.
    'await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 100) + 100));',
    'const delay = base * 2 ** attempt + Math.random() * 100;\nawait sleep(delay);',
    // Sampling, shuffling for display, colours, UI keys.
    "if (Math.random() < 0.1) logger.debug('sampled', { path });",
    'const shuffled = [...cards].sort(() => Math.random() - 0.5);',
    "const color = '#' + Math.floor(Math.random() * 16777215).toString(16);",
    'export const Row = ({ label }) => <li key={Math.random()}>{label}</li>;',
    // Identifiers for tracing and idempotency, and a count, are not secrets.
    'const requestId = Math.random().toString(36).slice(2);',
    'const tokenCount = Math.floor(Math.random() * 10);',
    "const random1 = Math.floor(Math.random() * 100);\nsheet.update({ values: [[random1]] });",
    // A helper whose result is used for a file's display name.
    'function randomSuffix() { return Math.random().toString(36).slice(2, 6); }\nconst label = `report-${randomSuffix()}`;',
    // A generic name in a function that is not about secrets.
    'function retryDelay(attempt) {\n  const value = Math.random() * 100;\n  return value + attempt * 1000;\n}',
    // A private prefix, and a temporary file.
    "await s3.send(new PutObjectCommand({ Bucket, Key: `private/${userId}/${Math.random().toString(36).slice(2)}.pdf` }));",
    'const tempFile = `/tmp/${Math.random().toString(36).slice(2)}.png`;',
    // Secure generators.
    "import { randomBytes } from 'node:crypto';\nconst token = randomBytes(32).toString('hex');",
    // A local `Math` that is not the global one.
    "import Math from './seeded-math.js';\nconst token = Math.random();",
    // Test data, unless asked.
    { code: 'const token = Math.random().toString(36);', filename: 'src/auth.test.js' },
    { code: 'const sessionId = `s-${Math.random()}`;', filename: 'src/__tests__/session.js' },
  ],
  invalid: [
    {
      // A file under a public prefix: its random name is the only thing between it and anyone.
      code: "await s3.send(new PutObjectCommand({ Bucket, Key: `public/${Math.random().toString(36).slice(2)}.pdf`, Body: invoice }));",
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'public/…' },
          line: 1,
          column: 61,
          suggestions: [{ messageId: 'suggestRandomUuid', output: 'await s3.send(new PutObjectCommand({ Bucket, Key: `public/${globalThis.crypto.randomUUID()}.pdf`, Body: invoice }));' }],
        },
      ],
    },
    {
      // A generic name takes its meaning from the function.
      code: 'async function sendVerificationCode(phone) {\n  const code = Math.floor(100000 + Math.random() * 900000);\n  await sns.publish({ PhoneNumber: phone, Message: `Your code is ${code}` });\n}',
      errors: [{ messageId: 'predictableSecret', data: { name: 'sendVerificationCode' }, line: 2, column: 36, suggestions: [] }],
    },
    {
      code: 'const token = Math.random().toString(36).substring(2);',
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'token' },
          line: 1,
          column: 15,
          suggestions: [{ messageId: 'suggestRandomUuid', output: 'const token = globalThis.crypto.randomUUID();' }],
        },
      ],
    },
    {
      code: "import crypto from 'node:crypto';\nexport function createResetCode() {\n  return Math.floor(Math.random() * 1000000);\n}",
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'createResetCode' },
          line: 3,
          column: 21,
          suggestions: [{ messageId: 'suggestRandomInt', output: "import crypto from 'node:crypto';\nexport function createResetCode() {\n  return crypto.randomInt(0, 1000000);\n}" }],
        },
      ],
    },
    {
      code: "const { randomInt } = require('crypto');\nconst otp = Math.floor(Math.random() * 900000) + 100000;\nawait sendSms(phone, `Your code is ${otp}`);",
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'otp' },
          line: 2,
          column: 24,
          suggestions: [{ messageId: 'suggestRandomInt', output: "const { randomInt } = require('crypto');\nconst otp = randomInt(100000, 1000000);\nawait sendSms(phone, `Your code is ${otp}`);" }],
        },
      ],
    },
    {
      // A character-set helper, judged by what its caller stores.
      code: "function randomString(length) {\n  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';\n  let result = '';\n  for (let i = 0; i < length; i++) result += chars.charAt(Math.floor(Math.random() * chars.length));\n  return result;\n}\nexport const handler = async () => {\n  const sessionId = randomString(32);\n  return { statusCode: 200, headers: { 'Set-Cookie': `sid=${sessionId}` } };\n};",
      errors: [{ messageId: 'predictableSecret', data: { name: 'sessionId' }, line: 4, column: 70, suggestions: [] }],
    },
    {
      code: 'await db.put({ userId, verificationCode: String(Math.random()).slice(2, 8) });',
      errors: [{ messageId: 'predictableSecret', data: { name: 'verificationCode' }, line: 1, column: 49, suggestions: [] }],
    },
    {
      code: "app.post('/login', (req, res) => {\n  res.cookie('session_id', Math.random().toString(36).slice(2), { httpOnly: true });\n});",
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'session_id' },
          line: 2,
          column: 28,
          suggestions: [{ messageId: 'suggestRandomUuid', output: "app.post('/login', (req, res) => {\n  res.cookie('session_id', globalThis.crypto.randomUUID(), { httpOnly: true });\n});" }],
        },
      ],
    },
    {
      code: "import * as nodeCrypto from 'crypto';\nconst apiKey = `key_${Date.now()}_${Math.random().toString(36).slice(2)}`;",
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'apiKey' },
          line: 2,
          column: 37,
          suggestions: [{ messageId: 'suggestRandomUuid', output: "import * as nodeCrypto from 'crypto';\nconst apiKey = `key_${Date.now()}_${nodeCrypto.randomUUID()}`;" }],
        },
      ],
    },
    {
      code: "const pin = Array.from({ length: 6 }, () => Math.floor(Math.random() * 10)).join('');",
      errors: [{ messageId: 'predictableSecret', data: { name: 'pin' }, line: 1, column: 56, suggestions: [] }],
    },
    {
      code: 'const token = Math.random().toString(36);',
      filename: 'src/auth.test.js',
      options: [{ checkTestFiles: true }],
      errors: [{ messageId: 'predictableSecret', line: 1, column: 15, suggestions: [{ messageId: 'suggestRandomUuid', output: 'const token = globalThis.crypto.randomUUID();' }] }],
    },
    {
      code: 'const inviteSlug = Math.random().toString(36).slice(2);',
      options: [{ names: ['inviteSlug'] }],
      errors: [{ messageId: 'predictableSecret', line: 1, column: 20, suggestions: [{ messageId: 'suggestRandomUuid', output: 'const inviteSlug = globalThis.crypto.randomUUID();' }] }],
    },
  ],
  tsValid: [
    'const jitterMs: number = Math.random() * 250;',
    'const sampleRate = (Math.random() as number) < 0.05;',
  ],
  tsInvalid: [
    {
      code: "import { randomUUID } from 'node:crypto';\nconst nonce: string = Math.random().toString(36);",
      errors: [
        {
          messageId: 'predictableSecret',
          data: { name: 'nonce' },
          line: 2,
          column: 23,
          suggestions: [{ messageId: 'suggestRandomUuid', output: "import { randomUUID } from 'node:crypto';\nconst nonce: string = randomUUID();" }],
        },
      ],
    },
    {
      code: 'class Tokens {\n  private generateToken(): string {\n    return (Math.random() as number).toString(16).slice(2);\n  }\n}',
      errors: [{ messageId: 'predictableSecret', data: { name: 'generateToken' }, line: 3, column: 13, suggestions: [] }],
    },
  ],
});
