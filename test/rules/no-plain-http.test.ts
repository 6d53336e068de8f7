import rule from '../../src/rules/no-plain-http.js';
import { testRule } from '../rule-tester.js';

testRule('no-plain-http', rule, {
  valid: [
    'await fetch("https://api.weather.com/v1/today");',
    // Local, link-local (instance metadata), private-network and example hosts.
    'await fetch("http://localhost:3000/orders");',
    'await fetch("http://127.0.0.1:8000");',
    'await fetch("http://169.254.169.254/latest/meta-data/");',
    'await fetch("http://10.0.3.7/health");',
    'await fetch("http://api.example.com/orders");',
    'const client = axios.create({ baseURL: "http://api.fake.com" }); await fetch("http://foo.bar/x");',
    // A single-label name: a container or service on a private network (LocalStack, docker compose).
    'const client = new DynamoDBClient({ endpoint: "http://localstack:4566" });',
    'const s3 = new S3Client({ endpoint: "http://s3.localhost.localstack.cloud:4566", forcePathStyle: true });',
    'const gcp = await fetch("http://metadata.google.internal/computeMetadata/v1/project/project-id");',
    // Namespaces and schema identifiers are never fetched.
    'const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");',
    'const schema = { $schema: "http://json-schema.org/draft-07/schema#", type: "object" };',
    // The scheme alone, as text to test or replace.
    'if (url.startsWith("http://")) url = url.replace("http://", "https://");',
    // Plain text and links that are not requested.
    'console.log("see http://status.partner.com for details");',
    'const docsUrl = "http://docs.partner.com/guide";',
    'const message = "http://partner.com is down";',
    // Not a request: an unrelated function, a local `axios` parameter, a string that does not start the URL.
    'parse("http://partner.com/x");',
    'import axios from "axios"; function f(axios) { return axios.get("http://partner.com/x"); }',
    'import axios from "axios"; await axios.get("GET http://partner.com/x");',
    // Allowed on purpose.
    { code: 'await fetch("http://legacy.partner.com/feed");', options: [{ allowHosts: ['legacy.partner.com'] }] },
    { code: 'await fetch("http://billing.corp/feed");', options: [{ allowHosts: ['.corp'] }] },
    // A computed host: mostly a local server in a test; not judged.
    'const res = await fetch(`http://${host}:${port}/orders`);',
    'await fetch("http://[::1]:3040/host");',
    // A dummy base for parsing a path is not a request.
    'const url = new URL(pathname, "http://vite.dev"); const path = url.pathname;',
    // Package metadata: links for people.
    'const pkg = { repository: { type: "git", url: "http://github.com/estools/escodegen.git" }, bugs: { url: "http://github.com/x/y/issues" } };',
    // A comment is not code.
    '// fetch("http://partner.com/x")\nconst x = 1;',
  ],
  invalid: [
    {
      code: 'await fetch("http://api.weather.com/v1/today");',
      errors: [
        {
          messageId: 'plainHttpRequest',
          line: 1,
          column: 13,
          data: { url: 'http://api.weather.com/v1/today', scheme: 'HTTP', secure: 'https' },
          suggestions: [{ messageId: 'suggestHttps', data: { secure: 'https' }, output: 'await fetch("https://api.weather.com/v1/today");' }],
        },
      ],
    },
    {
      // Through a constant and a concatenation.
      code: 'import axios from "axios";\nconst API = "http://api.partner.com";\nexport const handler = async () => axios.get(API + "/orders");',
      errors: [
        {
          messageId: 'plainHttpRequest',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'suggestHttps', output: 'import axios from "axios";\nconst API = "https://api.partner.com";\nexport const handler = async () => axios.get(API + "/orders");' }],
        },
      ],
    },
    {
      code: 'const http = require("node:http");\nhttp.get("http://feeds.partner.com/rss", onResponse);',
      errors: [{ messageId: 'plainHttpRequest', line: 2, column: 10, suggestions: [{ messageId: 'suggestHttps', output: 'const http = require("node:http");\nhttp.get("https://feeds.partner.com/rss", onResponse);' }] }],
    },
    {
      // The base of a URL that is then requested.
      code: 'await fetch(new URL("/v1/orders", "http://api.partner.com"));',
      errors: [{ messageId: 'plainHttpRequest', line: 1, column: 35, suggestions: [{ messageId: 'suggestHttps', output: 'await fetch(new URL("/v1/orders", "https://api.partner.com"));' }] }],
    },
    {
      code: 'const socket = new WebSocket("ws://stream.partner.com/feed");',
      errors: [
        {
          messageId: 'plainHttpRequest',
          line: 1,
          column: 30,
          data: { url: 'ws://stream.partner.com/feed', scheme: 'WS', secure: 'wss' },
          suggestions: [{ messageId: 'suggestHttps', output: 'const socket = new WebSocket("wss://stream.partner.com/feed");' }],
        },
      ],
    },
    {
      // A client pointed at an address, and an address kept for later.
      code: 'import axios from "axios";\nconst billing = axios.create({ baseURL: "http://billing.partner.io/api" });\nconst webhookUrl = "http://hooks.partner.com/notify";',
      errors: [
        { messageId: 'plainHttpAddress', line: 2, column: 41, suggestions: [{ messageId: 'suggestHttps', output: 'import axios from "axios";\nconst billing = axios.create({ baseURL: "https://billing.partner.io/api" });\nconst webhookUrl = "http://hooks.partner.com/notify";' }] },
        { messageId: 'plainHttpAddress', line: 3, column: 20, suggestions: [{ messageId: 'suggestHttps', output: 'import axios from "axios";\nconst billing = axios.create({ baseURL: "http://billing.partner.io/api" });\nconst webhookUrl = "https://hooks.partner.com/notify";' }] },
      ],
    },
    {
      // Sending the user to a plain-HTTP page.
      code: 'app.get("/cart", (req, res) => res.redirect("http://shop.partner.com/cart"));',
      errors: [{ messageId: 'plainHttpRequest', line: 1, column: 45, suggestions: [{ messageId: 'suggestHttps', output: 'app.get("/cart", (req, res) => res.redirect("https://shop.partner.com/cart"));' }] }],
    },
    {
      code: 'export const handler = async () => ({ statusCode: 302, headers: { Location: "HTTP://shop.partner.com/" } });',
      errors: [{ messageId: 'plainHttpAddress', line: 1, column: 77, suggestions: [{ messageId: 'suggestHttps', output: 'export const handler = async () => ({ statusCode: 302, headers: { Location: "HTTPS://shop.partner.com/" } });' }] }],
    },
    {
      // A computed label under a written-out domain.
      code: 'const res = { statusCode: 302, headers: { Location: `http://${bucket}.s3-website-us-east-1.amazonaws.com/${key}` } };',
      errors: [{ messageId: 'plainHttpAddress', line: 1, column: 53, suggestions: [{ messageId: 'suggestHttps', output: 'const res = { statusCode: 302, headers: { Location: `https://${bucket}.s3-website-us-east-1.amazonaws.com/${key}` } };' }] }],
    },
    {
      code: 'const s3 = new S3Client({ endpoint: "http://s3.eu-west-1.amazonaws.com" });',
      errors: [{ messageId: 'plainHttpAddress', line: 1, column: 37, suggestions: [{ messageId: 'suggestHttps', output: 'const s3 = new S3Client({ endpoint: "https://s3.eu-west-1.amazonaws.com" });' }] }],
    },
  ],
  tsValid: ['const base: string = "https://api.partner.com";\nawait fetch(base as string);'],
  tsInvalid: [
    {
      // API Gateway forwards every request to this backend.
      code: 'import * as integrations from "aws-cdk-lib/aws-apigatewayv2-integrations";\nconst legacy = new integrations.HttpUrlIntegration("Legacy", "http://legacy.partner.com/{proxy}");',
      errors: [{ messageId: 'plainHttpRequest', line: 2, column: 62, suggestions: [{ messageId: 'suggestHttps', output: 'import * as integrations from "aws-cdk-lib/aws-apigatewayv2-integrations";\nconst legacy = new integrations.HttpUrlIntegration("Legacy", "https://legacy.partner.com/{proxy}");' }] }],
    },
    {
      code: 'import got from "got";\nconst base = "http://api.partner.com" as const;\nawait got.post(`${base}/orders`, { json: order });',
      errors: [{ messageId: 'plainHttpRequest', line: 2, column: 14, suggestions: [{ messageId: 'suggestHttps', output: 'import got from "got";\nconst base = "https://api.partner.com" as const;\nawait got.post(`${base}/orders`, { json: order });' }] }],
    },
  ],
});
