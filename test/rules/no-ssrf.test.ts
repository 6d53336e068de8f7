import rule from '../../src/rules/no-ssrf.js';
import { testRule } from '../rule-tester.js';

const lambda = (body: string, imports = ''): string => `${imports}export const handler = async (event) => {\n${body}\n  return { statusCode: 200, body: '' };\n};`;

testRule('no-ssrf', rule, {
  valid: [
    // The Host header the request came in by, however it is read.
    {
      code: "export async function GET(request) {\n  await fetch(`https://${request.headers.get('host')}/status`);\n  return new Response('ok');\n}",
      filename: 'app/api/status/route.js',
    },
    // Input only in the path or query of a fixed host.
    lambda('  await fetch(`https://api.example.com/users/${event.pathParameters.id}`);'),
    lambda('  await axios.get(`${process.env.API_URL}/search?q=${encodeURIComponent(event.queryStringParameters.q)}`);', "import axios from 'axios';\n"),
    lambda("  https.get({ hostname: 'api.example.com', path: `/users/${event.pathParameters.id}` });", "import https from 'node:https';\n"),
    lambda("  await got(new URL(`/items/${event.pathParameters.id}`, 'https://api.example.com'));", "import got from 'got';\n"),
    // A hostname allow-list on the parsed URL.
    lambda("  const target = event.queryStringParameters.url;\n  if (!ALLOWED_HOSTS.has(new URL(target).hostname)) return { statusCode: 400, body: '' };\n  await got(target);", "import got from 'got';\nconst ALLOWED_HOSTS = new Set(['hooks.slack.com']);\n"),
    lambda("  const url = new URL(JSON.parse(event.body).callback);\n  if (url.protocol !== 'https:' || url.hostname !== 'hooks.partner.com') return { statusCode: 400, body: '' };\n  await fetch(url);"),
    // A fixed origin the URL must start with (the trailing `/` keeps `api.partner.com.evil.io` out).
    lambda("  const u = event.queryStringParameters.next;\n  if (!u.startsWith('https://api.partner.com/')) return { statusCode: 400, body: '' };\n  await fetch(u);"),
    // A proxy: the request's own path (always starting with `/`) after a configured base.
    "import express from 'express';\nimport axios from 'axios';\nconst app = express();\napp.all('/api/*', async (req, res) => {\n  const upstream = await axios.get(`${process.env.UPSTREAM_URL}${req.originalUrl}`);\n  res.status(upstream.status).json(upstream.data);\n});",
    // The input is the body of the request, not where it goes.
    lambda("  await axios.post('https://hooks.example.com/notify', { url: JSON.parse(event.body).url });", "import axios from 'axios';\n"),
  ],
  invalid: [
    {
      // A query parameter named `host` is the caller's choice, not the Host header the request came in by.
      code: "export async function GET(request) {\n  const host = new URL(request.url).searchParams.get('host');\n  await fetch(`https://${host}/status`);\n  return new Response('ok');\n}",
      filename: 'app/api/status/route.js',
      errors: [{ messageId: 'addressFromInput', line: 3, column: 26 }],
    },
    {
      code: lambda('  const { url } = JSON.parse(event.body);\n  const response = await fetch(url);'),
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.body.url', target: '`fetch()`' }, line: 3, column: 32 }],
    },
    {
      code: lambda('  await axios.get(`https://${event.queryStringParameters.host}/status`);', "import axios from 'axios';\n"),
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.queryStringParameters.host', target: '`axios.get()`' }, line: 3, column: 30 }],
    },
    {
      // `includes` on the URL's text is no allow-list: `http://169.254.169.254/?api.partner.com` passes.
      code: lambda("  const target = event.queryStringParameters.url;\n  if (!target.includes('api.partner.com')) return { statusCode: 400, body: '' };\n  await got(target);", "import got from 'got';\n"),
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.queryStringParameters.url', target: '`got()`' }, line: 5, column: 13 }],
    },
    {
      code: lambda("  https.get({ hostname: event.headers['x-upstream'], path: '/health' });", "import https from 'node:https';\n"),
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.headers.x-upstream', target: '`https.get()`' }, line: 3, column: 25 }],
    },
    {
      // An absolute input replaces the base of `new URL(input, base)`.
      code: lambda("  await nodeFetch(new URL(event.queryStringParameters.path, 'https://api.example.com'));", "import nodeFetch from 'node-fetch';\n"),
      errors: [{ messageId: 'addressFromInput', line: 3, column: 27 }],
    },
    {
      code: lambda("  await request(event.queryStringParameters.webhook, { method: 'POST', body: 'ping' });", "import { request } from 'undici';\n"),
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.queryStringParameters.webhook', target: '`request()`' }, line: 3, column: 17 }],
    },
    {
      code: "import express from 'express';\nimport axios from 'axios';\nconst app = express();\napp.post('/preview', async (req, res) => {\n  const { data } = await axios({ url: req.body.link, method: 'get' });\n  res.json({ size: data.length });\n});",
      errors: [{ messageId: 'addressFromInput', data: { path: 'req.body.link', target: '`axios()`' }, line: 5, column: 39 }],
    },
    {
      // After `https://` a path is read as the host: `https:///evil.io/x` goes to evil.io.
      code: "import express from 'express';\nimport axios from 'axios';\nconst app = express();\napp.all('/api/*', async (req, res) => {\n  const upstream = await axios.get(`https://${req.path}`);\n  res.json(upstream.data);\n});",
      errors: [{ messageId: 'addressFromInput', data: { path: 'req.path', target: '`axios.get()`' }, line: 5, column: 47 }],
    },
    {
      // Checking the hostname of another value than the one fetched leaves this one open.
      code: lambda("  const { url, icon } = JSON.parse(event.body);\n  if (!ALLOWED.includes(new URL(url).hostname)) return { statusCode: 400, body: '' };\n  await fetch(icon);", "const ALLOWED = ['cdn.example.com'];\n"),
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.body.icon', target: '`fetch()`' }, line: 5, column: 15 }],
    },
  ],
  tsValid: [
    // A socket to a configured host: only the port is the caller's (and a number).
    "import net from 'node:net';\nexport const handler = async (event) => {\n  const socket = new net.Socket();\n  socket.connect(Number(event.queryStringParameters?.port), process.env.UPSTREAM_HOST as string);\n  return { statusCode: 200, body: '' };\n};",
    "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const res = await fetch(`https://api.github.com/users/${event.pathParameters!.user}`);\n  return { statusCode: 200, body: await res.text() };\n};",
  ],
  tsInvalid: [
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport net from 'node:net';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const host = event.queryStringParameters?.host as string;\n  net.connect(443, host);\n  return { statusCode: 200, body: '' };\n};",
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.queryStringParameters.host', target: '`net.connect()`' }, line: 5, column: 20 }],
    },
    {
      // A socket built first and connected after: the caller picks where it connects.
      code: "import net from 'node:net';\nexport const handler = async (event) => {\n  const host = event.queryStringParameters?.host as string;\n  const client = new net.Socket();\n  client.connect(4444, host, () => client.write('hi'));\n  return { statusCode: 200, body: '' };\n};",
      errors: [{ messageId: 'addressFromInput', data: { path: 'event.queryStringParameters.host', target: '`client.connect()`' }, line: 5, column: 24 }],
    },
  ],
});
