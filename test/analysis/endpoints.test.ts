import { describe, expect, it } from 'vitest';
import { exposureOf } from '../../src/analysis/endpoints.js';
import { analyseCode } from './analyse.js';

/** The routes a snippet defines, as `METHOD path auth`. */
function routesOf(code: string): string[] {
  const { sourceCode } = analyseCode(code, { ts: true, filename: 'stack.ts' });
  return exposureOf(sourceCode).routes.map((route) => `${route.method} ${route.path} ${route.auth}`);
}

const AG = 'import * as apigw from "aws-cdk-lib/aws-apigateway";\n';

describe('exposureOf: REST API routes', () => {
  it('follows resource chains, variables and `this` fields to the path', () => {
    expect(
      routesOf(
        `${AG}class S { constructor() { this.api = new apigw.RestApi(this, "A"); const items = this.api.root.addResource("items");\n` +
          'items.addResource("{id}").addMethod("DELETE", i); items.resourceForPath("a/b").addMethod("GET", i); this.api.root.addMethod("GET", i); } }',
      ),
    ).toEqual(['DELETE /items/{id} missing', 'GET /items/a/b missing', 'GET / missing']);
  });

  it('takes guards from the method, the parent resource and the API default', () => {
    expect(
      routesOf(
        `${AG}const api = new apigw.RestApi(this, "A");\nconst admin = api.root.addResource("admin", { defaultMethodOptions: { authorizer } });\n` +
          'admin.addResource("users").addMethod("GET", i);\napi.root.addMethod("POST", i, { apiKeyRequired: true });\napi.root.addMethod("PUT", i);',
      ),
    ).toEqual(['GET /admin/users authorized', 'POST / authorized', 'PUT / missing']);
  });

  it('skips APIs fenced by a resource policy or a private endpoint', () => {
    expect(routesOf(`${AG}const api = new apigw.RestApi(this, "A", { policy });\napi.root.addMethod("GET", i);`)).toEqual([]);
    expect(routesOf(`${AG}new apigw.LambdaRestApi(this, "A", { handler, endpointTypes: [apigw.EndpointType.PRIVATE] });`)).toEqual([]);
  });

  it('ignores routes of APIs it cannot see unless `NONE` is written out', () => {
    expect(routesOf(`${AG}props.api.root.addMethod("GET", i);\nprops.api.root.addMethod("POST", i, { authorizationType: apigw.AuthorizationType.NONE });`)).toEqual([
      'POST / explicitNone',
    ]);
  });
});

describe('exposureOf: Serverless Framework configs', () => {
  it('reads http and httpApi events, string and object forms', () => {
    expect(
      routesOf(
        'export default { service: "s", functions: { a: { events: [{ http: "GET users/{id}" }, { httpApi: { method: "POST", path: "/users", authorizer: { name: "jwt" } } }, { httpApi: "*" }, { sqs: "arn" }] } } };',
      ),
    ).toEqual(['GET /users/{id} missing', 'POST /users authorized', 'ANY /{proxy+} missing']);
  });
});
