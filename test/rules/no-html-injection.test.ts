import rule from '../../src/rules/no-html-injection.js';
import { testRule } from '../rule-tester.js';

/** An Express route in a file that creates the app. */
const route = (body: string, imports = ''): string => `${imports}import express from 'express';\nconst app = express();\napp.get('/hello', (req, res) => {\n${body}\n});`;

testRule('no-html-injection', rule, {
  valid: [
    // A JSON content type in a shared `const`.
    "const JSON_HEADERS = { 'Content-Type': 'application/json' };\nexports.handler = async (event) => ({ statusCode: 200, headers: JSON_HEADERS, body: `<p>${event.queryStringParameters.q}</p>` });",
    // Escaped or sanitised for HTML.
    route('  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);', "import escapeHtml from 'escape-html';\n"),
    route("  const name = he.encode(String(req.query.name));\n  res.status(200).send('<p>' + name + '</p>');", "import he from 'he';\n"),
    route('  res.send(`<p>${_.escape(req.query.q)}</p>`);', "import _ from 'lodash';\n"),
    route('  res.send(DOMPurify.sanitize(req.body.bio));', "import DOMPurify from 'isomorphic-dompurify';\n"),
    // JSON answers, numbers, and another declared type.
    route('  res.send({ name: req.query.name });'),
    route('  res.json({ greeting: `Hello ${req.query.name}` });'),
    route('  res.send(`Found ${Number(req.query.count)} results`);'),
    route("  res.type('text/plain').send(`Hello ${req.query.name}`);"),
    route("  res.setHeader('Content-Type', 'application/json');\n  res.end(JSON.stringify({ q: req.query.q }));"),
    // The type set by the handler holds for a body sent from a callback inside it.
    route("  res.type('text/plain');\n  lookup(req.query.id).then((row) => res.send(`Result for ${req.query.id}: ${row}`));"),
    // A parsed body or query as a whole is an object: Express sends it as JSON.
    route('  res.send(req.body);'),
    // A webhook handshake (Meta, Slack) echoing the challenge the platform sent.
    route("  if (req.query['hub.verify_token'] !== process.env.VERIFY_TOKEN) return res.sendStatus(403);\n  res.status(200).send(req.query['hub.challenge']);"),
    // Express sends a Buffer as a download, not a page.
    route("  res.send(Buffer.from(req.query.data, 'base64'));"),
    // An untyped `res.end` that cannot start like a page is not sniffed as HTML.
    route('  res.end(`Hello ${req.query.name}`);'),
    // Koa answers text/plain unless the body starts with `<`.
    "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/hi', (ctx) => {\n  ctx.body = `Hello ${ctx.query.name}`;\n});",
    // Hono's `html` tag escapes what it interpolates; `c.text` is plain text.
    "import { Hono } from 'hono';\nimport { html } from 'hono/html';\nconst app = new Hono();\napp.get('/p', (c) => c.html(html`<p>${c.req.query('name')}</p>`));\napp.get('/t', (c) => c.text(`Hello ${c.req.query('name')}`));",
    // Fastify answers text/plain for a string.
    "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/hi', async (request, reply) => reply.send(`Hello ${request.query.name}`));",
    // A Lambda result that is JSON.
    'export const handler = async (event) => ({ statusCode: 200, headers: { \'Content-Type\': \'application/json\' }, body: JSON.stringify({ q: event.queryStringParameters.q }) });',
  ],
  invalid: [
    {
      // The HTML content type in a shared `const`, and the headers and body as shorthand properties.
      code: "const HTML = { 'Content-Type': 'text/html' };\nexports.a = async (event) => ({ statusCode: 200, headers: { ...HTML }, body: `<h1>${event.queryStringParameters.name}</h1>` });\nexports.b = async (event) => {\n  const headers = { 'content-type': 'text/html; charset=utf-8' };\n  const body = `<p>${event.pathParameters.id}</p>`;\n  return { statusCode: 200, headers, body };\n};",
      errors: [
        { messageId: 'htmlFromInput', line: 2, column: 78 },
        { messageId: 'htmlFromInput', line: 6, column: 38 },
      ],
    },
    {
      // Where the file already has escape-html, each interpolated input can be escaped in place.
      code: route("  const { name } = req.query;\n  res.send(`<h1>Hello ${name}</h1><p>Order ${req.params.id}</p>`);", "import escapeHtml from 'escape-html';\n"),
      errors: [
        {
          messageId: 'htmlFromInput',
          data: { path: 'req.query.name', target: '`res.send()`' },
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'suggestEscape',
              data: { escaper: 'escapeHtml' },
              output: route("  const { name } = req.query;\n  res.send(`<h1>Hello ${escapeHtml(name)}</h1><p>Order ${escapeHtml(req.params.id)}</p>`);", "import escapeHtml from 'escape-html';\n"),
            },
          ],
        },
      ],
    },
    {
      // Markup a helper built is not escaped wholesale (its tags would show): no suggestion.
      code: route("  res.send(`<table>${row(req.query.name)}</table>`);", "import escapeHtml from 'escape-html';\nconst row = (cell) => `<tr><td>${cell}</td></tr>`;\n"),
      errors: [{ messageId: 'htmlFromInput', line: 6, column: 12, suggestions: [] }],
    },
    {
      code: route('  res.send(`<h1>Hello ${req.query.name}</h1>`);'),
      errors: [{ messageId: 'htmlFromInput', data: { path: 'req.query.name', target: '`res.send()`' }, line: 4, column: 12 }],
    },
    {
      // Express answers text/html for any string.
      code: route('  res.status(404).send(`No user ${req.params.id}`);'),
      errors: [{ messageId: 'htmlFromInput', data: { path: 'req.params.id', target: '`res.status(404).send()`' }, line: 4, column: 24 }],
    },
    {
      code: route("  const { bio } = req.body;\n  res.write('<section>' + bio + '</section>');\n  res.end();"),
      errors: [{ messageId: 'htmlFromInput', data: { path: 'req.body.bio', target: '`res.write()`' }, line: 5, column: 13 }],
    },
    {
      code: route("  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });\n  res.end(`Results for ${req.query.q}`);"),
      errors: [{ messageId: 'htmlFromInput', line: 5, column: 11 }],
    },
    {
      code: 'export const handler = async (event) => {\n  const q = event.queryStringParameters.q;\n  return {\n    statusCode: 200,\n    headers: { \'Content-Type\': \'text/html\' },\n    body: `<p>No results for ${q}</p>`,\n  };\n};',
      errors: [{ messageId: 'htmlFromInput', data: { path: 'event.queryStringParameters.q', target: 'the HTML response' }, line: 6, column: 11 }],
    },
    {
      code: "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/hi', (ctx) => {\n  ctx.body = `<p>Hello ${ctx.query.name}</p>`;\n});",
      errors: [{ messageId: 'htmlFromInput', data: { path: 'ctx.query.name', target: '`ctx.body`' }, line: 4, column: 14 }],
    },
    {
      // The caller picks the first character, so Koa may answer text/html.
      code: "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/echo', (ctx) => {\n  ctx.body = ctx.query.text;\n});",
      errors: [{ messageId: 'htmlFromInput', line: 4, column: 14 }],
    },
    {
      code: "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/u/:name', (c) => {\n  const name = c.req.param('name');\n  return c.html(`<h1>${name}</h1>`);\n});",
      errors: [{ messageId: 'htmlFromInput', data: { path: 'c.req.param()', target: '`c.html()`' }, line: 5, column: 17 }],
    },
    {
      code: "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/p', async (request, reply) => {\n  reply.type('text/html').send(`<p>${request.query.name}</p>`);\n});",
      errors: [{ messageId: 'htmlFromInput', line: 4, column: 32 }],
    },
  ],
  tsValid: [
    {
      filename: 'app/search/route.ts',
      code: "import type { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const q = request.nextUrl.searchParams.get('q');\n  return new Response(JSON.stringify({ q }), { headers: { 'Content-Type': 'application/json' } });\n}",
    },
    "import type { Request, Response } from 'express';\nimport express from 'express';\nconst app = express();\napp.get('/n', (req: Request, res: Response) => {\n  res.send(`<p>${parseInt(req.query.page as string, 10)}</p>`);\n});",
  ],
  tsInvalid: [
    {
      filename: 'app/search/route.ts',
      code: "import type { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const q = request.nextUrl.searchParams.get('q');\n  return new Response(`<p>No results for ${q}</p>`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });\n}",
      errors: [{ messageId: 'htmlFromInput', data: { path: 'request.nextUrl.searchParams', target: 'the HTML response' }, line: 4, column: 23 }],
    },
    {
      code: "import type { Request, Response } from 'express';\nimport express from 'express';\nconst app = express();\napp.get('/n', (req: Request, res: Response) => {\n  const name = req.query.name as string;\n  res.send(`<p>Welcome, ${name}!</p>`);\n});",
      errors: [{ messageId: 'htmlFromInput', data: { path: 'req.query.name', target: '`res.send()`' }, line: 6, column: 12 }],
    },
  ],
});
