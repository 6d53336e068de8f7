import rule from '../../src/rules/no-open-redirect.js';
import { testRule } from '../rule-tester.js';

/** An Express route in a file that creates the app. */
const route = (body: string): string => `import express from 'express';\nconst app = express();\napp.get('/login/callback', (req, res) => {\n${body}\n});`;
const lambda = (body: string): string => `export const handler = async (event) => {\n${body}\n};`;

testRule('no-open-redirect', rule, {
  valid: [
    // A fixed path, with input only after it.
    route("  res.redirect(`/account?tab=${encodeURIComponent(req.query.tab)}`);"),
    route('  res.redirect(`/orders/${req.params.id}`);'),
    // Checked to be a path on this site (not `//host` or `/\\host`).
    route("  const next = String(req.query.next ?? '/');\n  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\\\')) return res.redirect('/');\n  res.redirect(next);"),
    // A host allow-list on the parsed URL.
    route("  const ALLOWED = ['app.example.com', 'admin.example.com'];\n  const target = req.query.returnTo;\n  if (!ALLOWED.includes(new URL(target).hostname)) return res.sendStatus(400);\n  return res.redirect(302, target);"),
    lambda("  const url = new URL(event.queryStringParameters.url);\n  if (url.hostname !== 'app.example.com') return { statusCode: 400, body: 'bad target' };\n  return { statusCode: 302, headers: { Location: url.toString() }, body: '' };"),
    // Resolved against this site and checked to stay on it.
    route("  const next = req.query.next;\n  const self = `${req.protocol}://${req.get('host')}`;\n  if (new URL(next, self).origin !== self) return res.redirect('/');\n  res.redirect(next);"),
    // The whole target compared with a list of known values.
    route("  const RETURN_PAGES = ['/home', '/settings'];\n  if (!RETURN_PAGES.includes(req.query.page)) return res.redirect('/home');\n  res.redirect(req.query.page);"),
    // Back to the page the user came from: no link can choose another one.
    route("  res.redirect(req.get('Referer') || '/');"),
    route("  res.redirect(req.headers.referer ?? '/');"),
    // A redirect built from the server's own configuration, or a `Location` on a non-redirect status.
    lambda("  return { statusCode: 302, headers: { Location: `${process.env.APP_URL}/welcome` }, body: '' };"),
    lambda("  return { statusCode: 201, headers: { Location: event.body.url }, body: '' };"),
  ],
  invalid: [
    {
      code: route('  res.redirect(req.query.next);'),
      errors: [{ messageId: 'redirectFromInput', data: { path: 'req.query.next', target: '`res.redirect()`' }, line: 4, column: 16 }],
    },
    {
      // `res.redirect(status, url)`: the URL is the last argument.
      code: route('  const { returnTo } = req.query;\n  res.redirect(301, returnTo);'),
      errors: [{ messageId: 'redirectFromInput', data: { path: 'req.query.returnTo', target: '`res.redirect()`' }, line: 5, column: 21 }],
    },
    {
      // `includes` on the URL's text is no allow-list: `https://evil.io/?app.example.com` passes.
      code: route("  const target = req.query.returnTo;\n  if (!target.includes('app.example.com')) return res.sendStatus(400);\n  return res.redirect(target);"),
      errors: [{ messageId: 'redirectFromInput', line: 6, column: 23 }],
    },
    {
      // Starting with `/` alone lets `//evil.io` through.
      code: route("  const next = req.query.next;\n  if (!next.startsWith('/')) return res.redirect('/');\n  res.redirect(next);"),
      errors: [{ messageId: 'redirectFromInput', line: 6, column: 16 }],
    },
    {
      // A lone `/` before the input: `next=/evil.io` makes `//evil.io`.
      code: route("  res.redirect('/' + req.query.next);"),
      errors: [{ messageId: 'redirectFromInput', data: { path: 'req.query.next', target: '`res.redirect()`' }, line: 4, column: 22 }],
    },
    {
      // The input decides the host of the template.
      code: route('  res.redirect(`${req.query.site}/welcome`);'),
      errors: [{ messageId: 'redirectFromInput', data: { path: 'req.query.site', target: '`res.redirect()`' }, line: 4, column: 19 }],
    },
    {
      code: lambda('  const { redirect_uri } = event.queryStringParameters;\n  return { statusCode: 302, headers: { Location: redirect_uri }, body: \'\' };'),
      errors: [{ messageId: 'redirectFromInput', data: { path: 'event.queryStringParameters.redirect_uri', target: 'the redirect `Location`' }, line: 3, column: 50 }],
    },
    {
      code: "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/out', (ctx) => {\n  ctx.redirect(ctx.query.url);\n});",
      errors: [{ messageId: 'redirectFromInput', data: { path: 'ctx.query.url', target: '`ctx.redirect()`' }, line: 4, column: 16 }],
    },
    {
      code: "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/go', (c) => c.redirect(c.req.query('to')));",
      errors: [{ messageId: 'redirectFromInput', line: 3, column: 34 }],
    },
    {
      // A Workers-style fetch handler.
      code: "export default {\n  async fetch(request) {\n    const to = new URL(request.url).searchParams.get('to');\n    return Response.redirect(to, 302);\n  },\n};",
      errors: [{ messageId: 'redirectFromInput', data: { path: 'request.url.searchParams', target: '`Response.redirect()`' }, line: 4, column: 30 }],
    },
  ],
  tsValid: [
    {
      // Next.js: a fixed path on this site's own address.
      filename: 'app/logout/route.ts',
      code: "import { NextResponse, type NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  return NextResponse.redirect(new URL('/login', request.url));\n}",
    },
  ],
  tsInvalid: [
    {
      filename: 'app/continue/route.ts',
      code: "import type { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const next = request.nextUrl.searchParams.get('next')!;\n  return new Response(null, { status: 307, headers: { Location: next } });\n}",
      errors: [{ messageId: 'redirectFromInput', data: { path: 'request.nextUrl.searchParams', target: 'the redirect `Location`' }, line: 4, column: 65 }],
    },
    {
      // An absolute `to` replaces the base of `new URL(to, base)`.
      filename: 'app/auth/route.ts',
      code: "import { NextResponse, type NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const to = request.nextUrl.searchParams.get('to') as string;\n  return NextResponse.redirect(new URL(to, request.url));\n}",
      errors: [{ messageId: 'redirectFromInput', data: { path: 'request.nextUrl.searchParams', target: '`NextResponse.redirect()`' }, line: 4, column: 40 }],
    },
    {
      code: "import type { Request, Response } from 'express';\nimport express from 'express';\nconst app = express();\napp.get('/sso', (req: Request, res: Response) => {\n  res.location(req.query.return as string).sendStatus(302);\n});",
      errors: [{ messageId: 'redirectFromInput', line: 5, column: 16 }],
    },
  ],
});
