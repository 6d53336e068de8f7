import rule from '../../src/rules/no-permissive-cors.js';
import { expectShortMessages } from '../message-length.js';
import { testRule } from '../rule-tester.js';

testRule('no-permissive-cors', rule, {
  valid: [
    {
      // Any origin without credentials: a public read API.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nnew apigw.RestApi(this, \"Api\", { defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS } });",
    },
    {
      // An explicit origin list.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nnew apigw.RestApi(this, \"Api\", { defaultCorsPreflightOptions: { allowOrigins: [\"https://app.example.com\"], allowCredentials: true } });",
    },
    {
      // Echoed only when on the allow-list.
      code: "const ALLOWED = [\"https://app.example.com\", \"https://admin.example.com\"];\nexport const handler = async (event) => {\n  const origin = event.headers.origin;\n  const allowed = ALLOWED.includes(origin) ? origin : ALLOWED[0];\n  return { statusCode: 200, headers: { \"Access-Control-Allow-Origin\": allowed, \"Access-Control-Allow-Credentials\": true }, body: \"{}\" };\n};",
    },
    {
      // Rejected unless on the allow-list.
      code: "const ALLOWED = new Set([\"https://app.example.com\"]);\nexport const handler = async (event) => {\n  const origin = event.headers.origin;\n  if (!ALLOWED.has(origin)) return { statusCode: 403, body: \"\" };\n  return { statusCode: 200, headers: { \"Access-Control-Allow-Origin\": origin, \"Access-Control-Allow-Credentials\": \"true\" }, body: \"{}\" };\n};",
    },
    {
      // The `cors` package reflecting without credentials.
      code: "const cors = require(\"cors\")({ origin: true });\nexports.api = (req, res) => cors(req, res, () => res.json({ time: Date.now() }));",
    },
    {
      // Credentials explicitly off.
      code: "export const handler = async (event) => ({\n  statusCode: 200,\n  headers: { \"Access-Control-Allow-Origin\": event.headers.origin, \"Access-Control-Allow-Credentials\": false },\n  body: \"{}\",\n});",
    },
    {
      // An origin list with a pattern.
      code: "app.use(cors({ origin: [\"https://app.example.com\", /\\.example\\.com$/], credentials: true }));",
    },
    {
      // A `*` response header without credentials.
      code: "export const handler = async () => ({ statusCode: 200, headers: { \"Access-Control-Allow-Origin\": \"*\" }, body: \"[]\" });",
    },
    {
      // A constant origin.
      code: "const SITE = \"https://app.example.com\";\napp.use((req, res, next) => {\n  res.setHeader(\"Access-Control-Allow-Origin\", SITE);\n  res.setHeader(\"Access-Control-Allow-Credentials\", \"true\");\n  next();\n});",
    },
  ],
  invalid: [
    {
      // CDK REST API preflight: every origin, with credentials.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nnew apigw.RestApi(this, \"Api\", {\n  defaultCorsPreflightOptions: { allowOrigins: apigw.Cors.ALL_ORIGINS, allowCredentials: true },\n});",
      errors: [{ messageId: 'anyOrigin', line: 3, column: 48 }],
    },
    {
      // CDK HTTP API preflight.
      code: "import { CorsHttpMethod, HttpApi } from \"aws-cdk-lib/aws-apigatewayv2\";\nnew HttpApi(this, \"Api\", { corsPreflight: { allowOrigins: [\"*\"], allowMethods: [CorsHttpMethod.ANY], allowCredentials: true } });",
      errors: [{ messageId: 'anyOrigin', line: 2, column: 59 }],
    },
    {
      // The `cors` package's `origin: true` echoes each request's origin.
      code: "const cors = require(\"cors\");\napp.use(cors({ origin: true, credentials: true }));",
      errors: [{ messageId: 'reflectedOrigin', line: 2, column: 24 }],
    },
    {
      // `@middy/http-cors` echoes the request's origin when `origin: '*'` meets `credentials: true`.
      code: "import middy from \"@middy/core\";\nimport httpCors from \"@middy/http-cors\";\nexport const handler = middy(main).use(httpCors({ origin: \"*\", credentials: true }));",
      errors: [{ messageId: 'anyOrigin', line: 3, column: 59 }],
    },
    {
      // A Lambda response echoing the caller's origin.
      code: "export const handler = async (event) => ({\n  statusCode: 200,\n  headers: { \"Access-Control-Allow-Origin\": event.headers.origin, \"Access-Control-Allow-Credentials\": true },\n  body: JSON.stringify(await load(event)),\n});",
      errors: [{ messageId: 'reflectedOrigin', line: 3, column: 45 }],
    },
    {
      // Express: `setHeader` with the request's origin.
      code: "app.get(\"/me\", (req, res) => {\n  res.setHeader(\"Access-Control-Allow-Origin\", req.headers.origin);\n  res.setHeader(\"Access-Control-Allow-Credentials\", \"true\");\n  res.json(req.user);\n});",
      errors: [{ messageId: 'reflectedOrigin', line: 2, column: 48 }],
    },
    {
      // Through a variable, with `req.get`.
      code: "app.get(\"/me\", (req, res) => {\n  const origin = req.get(\"origin\");\n  res.set(\"Access-Control-Allow-Origin\", origin);\n  res.set(\"Access-Control-Allow-Credentials\", \"true\");\n  res.json(req.user);\n});",
      errors: [{ messageId: 'reflectedOrigin', line: 3, column: 42 }],
    },
    {
      // serverless.ts: an `http` event's CORS settings.
      code: "export default {\n  service: \"orders\",\n  functions: { me: { handler: \"me.handler\", events: [{ http: { method: \"get\", path: \"me\", cors: { origin: \"*\", allowCredentials: true } } }] } },\n};",
      errors: [{ messageId: 'anyOrigin', line: 3, column: 107 }],
    },
    {
      // A fallback still echoes what the caller sent.
      code: "export async function handler(event) {\n  const response = { statusCode: 200, headers: {}, body: \"{}\" };\n  response.headers[\"Access-Control-Allow-Origin\"] = event.headers.Origin || \"*\";\n  response.headers[\"Access-Control-Allow-Credentials\"] = \"true\";\n  return response;\n}",
      errors: [{ messageId: 'reflectedOrigin', line: 3, column: 53 }],
    },
    {
      // A literal `*` with credentials in a handler's response headers.
      code: "export const handler = async () => ({\n  statusCode: 200,\n  headers: { \"Access-Control-Allow-Origin\": \"*\", \"Access-Control-Allow-Credentials\": \"true\" },\n  body: \"[]\",\n});",
      errors: [{ messageId: 'anyOrigin', line: 3, column: 45 }],
    },
  ],
  tsValid: [
    {
      // A typed origin list.
      code: "import { Cors, RestApi } from \"aws-cdk-lib/aws-apigateway\";\nconst origins: string[] = [\"https://app.example.com\"];\nnew RestApi(this, \"Api\", { defaultCorsPreflightOptions: { allowOrigins: origins, allowCredentials: true } as CorsOptions });",
    },
  ],
  tsInvalid: [
    {
      // A typed API Gateway handler.
      code: "import type { APIGatewayProxyEvent, APIGatewayProxyResult } from \"aws-lambda\";\nexport const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({\n  statusCode: 200,\n  headers: { \"Access-Control-Allow-Origin\": event.headers.origin as string, \"Access-Control-Allow-Credentials\": true },\n  body: \"{}\",\n});",
      errors: [{ messageId: 'reflectedOrigin', line: 4, column: 45 }],
    },
    {
      // Options held in a constant, with `satisfies`.
      code: "import { Cors, RestApi } from \"aws-cdk-lib/aws-apigateway\";\nconst cors = { allowOrigins: Cors.ALL_ORIGINS, allowCredentials: true } satisfies CorsOptions;\nnew RestApi(this, \"Api\", { defaultCorsPreflightOptions: cors });",
      errors: [{ messageId: 'anyOrigin', line: 2, column: 30 }],
    },
  ],
});

expectShortMessages(rule as never);
