import rule from '../../src/rules/no-regex-injection.js';
import { testRule } from '../rule-tester.js';

const EXPRESS = "import express from 'express';\nconst app = express();\n";
const H = (body: string): string => `export const handler = async (event) => {\n${body}\n};`;

testRule('no-regex-injection', rule, {
  valid: [
    // Escaped with the usual packages and helpers.
    "import escapeStringRegexp from 'escape-string-regexp';\n" + H("  const re = new RegExp(escapeStringRegexp(event.queryStringParameters.q), 'i');\n  return { statusCode: 200, body: String(re.test('x')) };"),
    `${EXPRESS}import _ from 'lodash';\napp.get('/search', (req, res) => {\n  const re = new RegExp(_.escapeRegExp(req.query.q), 'i');\n  res.json(products.filter((p) => re.test(p.name)));\n});`,
    // The hand-written escape, inline and in a same-file helper with any name.
    H("  const q = event.queryStringParameters.q.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');\n  return { statusCode: 200, body: String(new RegExp(`^${q}`, 'i').test('x')) };"),
    "function quote(text) {\n  return text.replace(/[|\\\\{}()[\\]^$+*?.]/g, '\\\\$&');\n}\n" + H("  const re = RegExp(quote(event.queryStringParameters.q));\n  return { statusCode: 200, body: String(re.test('x')) };"),
    // Everything but letters, digits and spaces stripped.
    H("  const words = event.queryStringParameters.q.replace(/[^\\w\\s]/g, '');\n  return { statusCode: 200, body: String(new RegExp(`\\b${words}\\b`, 'i').test('x')) };"),
    // Only the flags, or a constant pattern, or a checked value.
    `${EXPRESS}const FIELDS = ['name', 'sku'];\napp.get('/search', (req, res) => {\n  const { field } = req.query;\n  if (!FIELDS.includes(field)) return res.status(400).end();\n  const re = new RegExp(\`^\${field}:\`, req.query.caseless ? 'i' : '');\n  res.json({ ok: re.test('name:x') });\n});`,
    // A queue message is the app's own data (opt-in for the internal threat model, not this rule).
    H('  for (const record of event.Records) {\n    const rule = JSON.parse(record.body);\n    matchers.push(new RegExp(rule.pattern));\n  }'),
    // Not a handler.
    "export function matcher(pattern) {\n  return new RegExp(pattern);\n}",
  ],
  invalid: [
    {
      code: H("  const { q } = event.queryStringParameters;\n  const re = new RegExp(q, 'i');\n  return { statusCode: 200, body: JSON.stringify(items.filter((i) => re.test(i.name))) };"),
      errors: [{ messageId: 'patternFromInput', data: { path: 'event.queryStringParameters', target: 'new RegExp()' }, line: 3, column: 25 }],
    },
    {
      // Anchoring does not make the rest safe; an escape that misses quantifiers is no escape.
      code: `${EXPRESS}app.get('/users', (req, res) => {\n  const prefix = new RegExp('^' + req.query.prefix);\n  const loose = new RegExp(req.query.name.replace(/[.]/g, '\\\\$&'));\n  res.json(users.filter((u) => prefix.test(u.name) || loose.test(u.name)));\n});`,
      errors: [
        { messageId: 'patternFromInput', data: { path: 'req.query', target: 'new RegExp()' }, line: 4, column: 29 },
        { messageId: 'patternFromInput', data: { path: 'req.query', target: 'new RegExp()' }, line: 5, column: 28 },
      ],
    },
    {
      // Called without `new`, from a JSON body.
      code: H("  const { pattern } = JSON.parse(event.body);\n  const lines = log.split('\\n').filter((line) => RegExp(pattern).test(line));\n  return { statusCode: 200, body: lines.join('\\n') };"),
      errors: [{ messageId: 'patternFromInput', data: { path: 'event.body', target: 'RegExp()' }, line: 3, column: 57 }],
    },
    {
      // Escaped for HTML is not escaped for a pattern.
      code: `${EXPRESS}import escapeHtml from 'escape-html';\napp.post('/highlight', (req, res) => {\n  const term = escapeHtml(req.body.term);\n  res.send(page.replace(new RegExp(term, 'g'), '<mark>$&</mark>'));\n});`,
      errors: [{ messageId: 'patternFromInput', data: { path: 'req.body', target: 'new RegExp()' }, line: 6, column: 36 }],
    },
    {
      // A header reaches the pattern through a same-file helper.
      code: "function compile(spec) {\n  return new RegExp(`^(${spec})$`);\n}\n" + H("  const allowed = compile(event.headers['x-allowed-origins']);\n  return { statusCode: allowed.test(event.headers.origin) ? 200 : 403, body: '' };"),
      errors: [{ messageId: 'patternFromInput', data: { path: "event.headers", target: 'new RegExp()' }, line: 2, column: 21 }],
    },
    {
      // Koa context and a route parameter.
      code: "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/tags/:tag', async (ctx) => {\n  const re = new RegExp(`#${ctx.params.tag}\\\\b`, 'gi');\n  ctx.body = posts.filter((p) => re.test(p.text));\n});",
      errors: [{ messageId: 'patternFromInput', data: { path: 'ctx.params', target: 'new RegExp()' }, line: 4, column: 25 }],
    },
    {
      // A strip that keeps quantifiers keeps the ReDoS.
      code: H("  const q = event.queryStringParameters.q.replace(/[^\\w*+()]/g, '');\n  return { statusCode: 200, body: String(new RegExp(q).test('x')) };"),
      errors: [{ messageId: 'patternFromInput', data: { path: 'event.queryStringParameters', target: 'new RegExp()' }, line: 3, column: 53 }],
    },
  ],
  tsValid: [
    "import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport escapeRegExp from 'lodash.escaperegexp';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const term = escapeRegExp(event.queryStringParameters?.term ?? '');\n  return { statusCode: 200, body: String(new RegExp(term as string, 'i').test('x')) };\n};",
  ],
  tsInvalid: [
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const term = event.queryStringParameters?.term as string;\n  return { statusCode: 200, body: String(new RegExp(term!, 'i').test('x')) };\n};",
      errors: [{ messageId: 'patternFromInput', data: { path: 'event.queryStringParameters', target: 'new RegExp()' }, line: 4, column: 53 }],
    },
  ],
});
