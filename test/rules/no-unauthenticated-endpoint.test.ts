import rule from '../../src/rules/no-unauthenticated-endpoint.js';
import { expectShortMessages } from '../message-length.js';
import { testRule } from '../rule-tester.js';

testRule('no-unauthenticated-endpoint', rule, {
  valid: [
    {
      // Explicit `NONE` on a health check.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\", { defaultMethodOptions: { authorizer } });\napi.root.addResource(\"health\").addMethod(\"GET\", integration, { authorizationType: apigw.AuthorizationType.NONE });",
    },
    {
      // A default IAM authorization covers routes with no options.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\", { defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM } });\napi.root.addResource(\"items\").addMethod(\"POST\", integration);",
    },
    {
      // An API with no authorizer at all is a public API or a demo: only `reportOpenApis` reports it.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\");\nconst items = api.root.addResource(\"items\");\nitems.addMethod(\"GET\", list);\nitems.addMethod(\"POST\", create);",
    },
    {
      // A CORS preflight.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\", { defaultMethodOptions: { authorizer } });\nconst items = api.root.addResource(\"items\");\nitems.addMethod(\"OPTIONS\", preflight, { authorizationType: apigw.AuthorizationType.NONE });",
    },
    {
      // A private API is reached only through VPC endpoints.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\", { endpointTypes: [apigw.EndpointType.PRIVATE] });\nconst items = api.root.addResource(\"items\");\nitems.addMethod(\"GET\", list, { authorizer });\nitems.addMethod(\"POST\", create, { authorizationType: apigw.AuthorizationType.NONE });",
    },
    {
      // A webhook proves its caller with a signature, not an authorizer.
      code: "import { HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey } from \"aws-cdk-lib/aws-apigatewayv2\";\nconst api = new HttpApi(this, \"Api\", { defaultAuthorizer: jwt });\napi.addRoutes({ path: \"/orders\", methods: [HttpMethod.GET], integration });\napi.addRoutes({ path: \"/webhooks/stripe\", methods: [HttpMethod.POST], integration, authorizer: new HttpNoneAuthorizer() });",
    },
    {
      // IAM auth, and the default (`AWS_IAM`).
      code: "import * as lambda from \"aws-cdk-lib/aws-lambda\";\nfn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });\nfn.addFunctionUrl();",
    },
    {
      // Grants narrowed to a source, or to a service principal.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nfn.addPermission(\"S3\", { principal: new iam.ServicePrincipal(\"s3.amazonaws.com\"), sourceArn: bucket.bucketArn });\nfn.addPermission(\"Any\", { principal: new iam.AnyPrincipal(), sourceAccount: this.account });",
    },
    {
      // Names that are not CDK's.
      code: "import { FunctionUrlAuthType } from \"./my-constants\";\nfn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });\nclass AuthorizationType {}\nitems.addMethod(\"DELETE\", integration, { authorizationType: AuthorizationType.NONE });",
    },
    {
      // serverless: a health check, an API key (`private: true`), an IAM Function URL.
      code: "export default {\n  service: \"orders\",\n  functions: {\n    list: { handler: \"list.handler\", events: [{ http: { method: \"get\", path: \"orders\", authorizer: \"aws_iam\" } }] },\n    health: { handler: \"health.handler\", events: [{ http: { method: \"get\", path: \"health\" } }] },\n    admin: { handler: \"admin.handler\", url: { authorizer: \"aws_iam\" }, events: [{ http: { method: \"get\", path: \"admin\", private: true } }] },\n  },\n};",
    },
    {
      // Listed in `publicRoutes`.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\");\nconst items = api.root.addResource(\"items\");\nitems.addMethod(\"GET\", list, { authorizer });\nitems.addMethod(\"POST\", create);",
      options: [{"publicRoutes": ["POST /items"]}],
    },
    {
      // Not a Serverless config: nothing names a provider or service.
      code: "const settings = { functions: { list: { events: [{ http: \"GET /orders\" }] } } };\nexport default settings;",
    },
  ],
  invalid: [
    {
      // Explicit `NONE` overrides the API's default authorizer on a route that is not public.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\", { defaultMethodOptions: { authorizer } });\nconst items = api.root.addResource(\"items\");\nitems.addMethod(\"DELETE\", integration, { authorizationType: apigw.AuthorizationType.NONE });",
      errors: [{ messageId: 'explicitNone', line: 4, column: 61 }],
    },
    {
      // One route guarded, its sibling not: likely a slip.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\");\nconst items = api.root.addResource(\"items\");\nitems.addMethod(\"GET\", list, { authorizer });\nitems.addMethod(\"POST\", create);",
      errors: [{ messageId: 'missingAuthorizer', line: 5, column: 1 }],
    },
    {
      // HTTP API: a route without the authorizer its sibling has.
      code: "import { HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey } from \"aws-cdk-lib/aws-apigatewayv2\";\nconst api = new HttpApi(this, \"Api\");\napi.addRoutes({ path: \"/orders\", methods: [HttpMethod.GET], integration, authorizer: jwt });\napi.addRoutes({ path: \"/orders/{id}\", methods: [HttpMethod.DELETE], integration });",
      errors: [{ messageId: 'missingAuthorizer', line: 4, column: 1 }],
    },
    {
      // `HttpNoneAuthorizer` on a non-public route of an API with a default authorizer.
      code: "import { HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey } from \"aws-cdk-lib/aws-apigatewayv2\";\nconst api = new HttpApi(this, \"Api\", { defaultAuthorizer: jwt });\nnew HttpRoute(this, \"Admin\", { httpApi: api, routeKey: HttpRouteKey.with(\"/admin\", HttpMethod.POST), integration, authorizer: new HttpNoneAuthorizer() });",
      errors: [{ messageId: 'explicitNone', line: 3, column: 127 }],
    },
    {
      // A Function URL anyone may call.
      code: "import * as lambda from \"aws-cdk-lib/aws-lambda\";\nfn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });",
      errors: [{ messageId: 'publicFunctionUrl', line: 2, column: 31, suggestions: [{ messageId: 'suggestIam', output: "import * as lambda from \"aws-cdk-lib/aws-lambda\";\nfn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });" }] }],
    },
    {
      // The `FunctionUrl` construct, through `require`.
      code: "const { FunctionUrl, FunctionUrlAuthType } = require(\"aws-cdk-lib/aws-lambda\");\nnew FunctionUrl(this, \"Url\", { function: fn, authType: FunctionUrlAuthType.NONE });",
      errors: [{ messageId: 'publicFunctionUrl', line: 2, column: 56, suggestions: [{ messageId: 'suggestIam', output: "const { FunctionUrl, FunctionUrlAuthType } = require(\"aws-cdk-lib/aws-lambda\");\nnew FunctionUrl(this, \"Url\", { function: fn, authType: FunctionUrlAuthType.AWS_IAM });" }] }],
    },
    {
      // An invoke grant to anyone, with no source condition.
      code: "import * as iam from \"aws-cdk-lib/aws-iam\";\nfn.addPermission(\"Public\", { principal: new iam.AnyPrincipal(), action: \"lambda:InvokeFunction\" });",
      errors: [{ messageId: 'publicInvoke', line: 2, column: 41 }],
    },
    {
      // The L1 permission, through `aws-cdk-lib`'s namespace.
      code: "import { aws_lambda as lambda } from \"aws-cdk-lib\";\nnew lambda.CfnPermission(this, \"Invoke\", { action: \"lambda:InvokeFunction\", functionName: fn.functionName, principal: \"*\" });",
      errors: [{ messageId: 'publicInvoke', line: 2, column: 119 }],
    },
    {
      // serverless.ts: an `http` event without the authorizer the others have.
      code: "export default {\n  service: \"orders\",\n  functions: {\n    list: { handler: \"list.handler\", events: [{ http: { method: \"get\", path: \"orders\", authorizer: \"aws_iam\" } }] },\n    remove: { handler: \"remove.handler\", events: [{ http: { method: \"delete\", path: \"orders/{id}\" } }] },\n  },\n};",
      errors: [{ messageId: 'missingAuthorizer', line: 5, column: 51 }],
    },
    {
      // serverless: `url: true` is a Function URL with auth type `NONE`.
      code: "const config = {\n  service: \"orders\",\n  provider: { name: \"aws\" },\n  functions: { hook: { handler: \"hook.handler\", url: true } },\n};\nmodule.exports = config;",
      errors: [{ messageId: 'publicFunctionUrl', line: 4, column: 54 }],
    },
    {
      // The strict config's `reportOpenApis`: a `LambdaRestApi` proxies everything, once per API.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.LambdaRestApi(this, \"Api\", { handler: fn });",
      options: [{"reportOpenApis": true}],
      errors: [{ messageId: 'openApi', line: 2, column: 13 }],
    },
    {
      // `reportOpenApis`: a REST API with no authorizer anywhere.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nconst api = new apigw.RestApi(this, \"Api\");\napi.root.addResource(\"orders\").addMethod(\"POST\", integration);",
      options: [{"reportOpenApis": true}],
      errors: [{ messageId: 'openApi', line: 2, column: 13 }],
    },
    {
      // `reportOpenApis`: a Serverless HTTP API with no authorizer anywhere.
      code: "export default {\n  service: \"orders\",\n  provider: { name: \"aws\" },\n  functions: { create: { handler: \"create.handler\", events: [{ httpApi: \"POST /orders\" }] } },\n};",
      options: [{"reportOpenApis": true}],
      errors: [{ messageId: 'openApi', line: 4, column: 62 }],
    },
  ],
  tsValid: [
    {
      // The sign-in flow is public by design.
      code: "import type { AWS } from \"@serverless/typescript\";\nconst serverlessConfiguration: AWS = {\n  service: \"orders\",\n  provider: { name: \"aws\" },\n  functions: {\n    list: { handler: \"src/list.handler\", events: [{ httpApi: { method: \"GET\", path: \"/orders\", authorizer: { name: \"jwt\" } } }] },\n    login: { handler: \"src/login.handler\", events: [{ httpApi: { method: \"POST\", path: \"/auth/login\" } }] },\n  },\n} satisfies AWS;\nexport = serverlessConfiguration;",
    },
  ],
  tsInvalid: [
    {
      // serverless.ts typed as `AWS`, exported with `module.exports`.
      code: "import type { AWS } from \"@serverless/typescript\";\nconst serverlessConfiguration: AWS = {\n  service: \"orders\",\n  provider: { name: \"aws\", runtime: \"nodejs20.x\" },\n  functions: {\n    list: { handler: \"src/list.handler\", events: [{ httpApi: { method: \"GET\", path: \"/orders\", authorizer: { name: \"jwt\" } } }] },\n    refund: { handler: \"src/refund.handler\", events: [{ httpApi: { method: \"POST\", path: \"/orders/{id}/refund\" } }] },\n  },\n};\nmodule.exports = serverlessConfiguration;",
      errors: [{ messageId: 'missingAuthorizer', line: 7, column: 55 }],
    },
    {
      // `this.api` assigned in the constructor.
      code: "import * as apigw from \"aws-cdk-lib/aws-apigateway\";\nexport class OrdersApi extends Construct {\n  private readonly api: apigw.RestApi;\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    this.api = new apigw.RestApi(this, \"Api\", { defaultMethodOptions: { authorizer: this.authorizer } });\n    this.api.root.addResource(\"refunds\").addMethod(\"POST\", integration, { authorizationType: apigw.AuthorizationType.NONE });\n  }\n}",
      errors: [{ messageId: 'explicitNone', line: 7, column: 94 }],
    },
  ],
});

expectShortMessages(rule as never, { route: '`DELETE /orders/{orderId}/items`' });
