import rule from '../../src/rules/no-user-enumeration.js';
import { testRule } from '../rule-tester.js';

testRule('no-user-enumeration', rule, {
  valid: [
    `exports.handler = async () => ({ statusCode: 401, body: JSON.stringify({ message: 'Invalid email or password' }) });`,
    `exports.handler = async () => ({ statusCode: 401, body: 'Either your email or password is incorrect' });`,
    // The same words in logs and in code that does not answer a caller.
    `exports.handler = async () => { console.warn('user not found', id); return { statusCode: 401, body: 'Invalid credentials' }; };`,
    `const message = 'User not found';`,
    // Non-auth wording that the patterns do not match.
    `exports.handler = async () => ({ statusCode: 404, body: 'Order not found' });`,
  ],
  invalid: [
    {
      code: `exports.handler = async () => ({ statusCode: 404, body: JSON.stringify({ message: 'User not found' }) });`,
      errors: [
        {
          messageId: 'revealsAccount',
          line: 1,
          column: 83,
          suggestions: [
            {
              messageId: 'suggestGenericLogin',
              output: `exports.handler = async () => ({ statusCode: 404, body: JSON.stringify({ message: 'Invalid email or password' }) });`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.login = (req, res) => { res.status(401).send('Incorrect password'); };`,
      errors: [{ messageId: 'revealsField', line: 1, column: 54, suggestions: [{ messageId: 'suggestGenericLogin', output: `exports.login = (req, res) => { res.status(401).send('Invalid email or password'); };` }] }],
    },
    {
      code: 'exports.reset = async (event) => ({ statusCode: 200, body: `Reset link sent to ${JSON.parse(event.body).email}` });',
      errors: [
        {
          messageId: 'revealsAccount',
          line: 1,
          column: 60,
          suggestions: [
            { messageId: 'suggestGenericReset', output: "exports.reset = async (event) => ({ statusCode: 200, body: 'If an account exists for that address, we have sent it an email' });" },
          ],
        },
      ],
    },
    {
      code: `exports.handler = async () => ({ statusCode: 409, body: 'This email is already registered' });`,
      errors: [
        {
          messageId: 'revealsAccount',
          line: 1,
          column: 57,
          suggestions: [{ messageId: 'suggestGenericLogin', output: `exports.handler = async () => ({ statusCode: 409, body: 'Invalid email or password' });` }],
        },
      ],
    },
    {
      code: `import createError from 'http-errors';\nexport const handler = async () => { throw createError(404, 'No account with that email'); };`,
      errors: [
        {
          messageId: 'revealsAccount',
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'suggestGenericLogin',
              output: `import createError from 'http-errors';\nexport const handler = async () => { throw createError(404, 'Invalid email or password'); };`,
            },
          ],
        },
      ],
    },
  ],
  tsInvalid: [
    {
      code: `export async function POST(request: Request): Promise<Response> {\n  return Response.json({ error: 'Wrong password' as string }, { status: 401 });\n}\nexport default { fetch: POST };`,
      errors: [
        {
          messageId: 'revealsField',
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'suggestGenericLogin',
              output: `export async function POST(request: Request): Promise<Response> {\n  return Response.json({ error: 'Invalid email or password' as string }, { status: 401 });\n}\nexport default { fetch: POST };`,
            },
          ],
        },
      ],
    },
  ],
});
