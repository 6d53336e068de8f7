import rule from '../../src/rules/no-direct-lambda-invoke.js';
import { testRule } from '../rule-tester.js';

testRule('no-direct-lambda-invoke', rule, {
  valid: [
    // Unrelated objects with an invoke method.
    'const proxy = createProxy(); proxy.invoke("x");',
    'import { Lambda } from "./my-lambda.js"; new Lambda().invoke({});',
    // Other clients of the same SDK.
    'import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs"; await new SQSClient({}).send(new SendMessageCommand({}));',
    'import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda"; await new LambdaClient({}).send(new ListFunctionsCommand({}));',
    // A command-line script outside any function and handler, and a test file: not code a deployed function runs.
    'import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";\nawait new LambdaClient({}).send(new InvokeCommand({ FunctionName: process.argv[2] }));',
    {
      code: 'import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";\nexport async function invokeForTest(payload) { return new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f", Payload: payload })); }',
      filename: 'test/integration/billing.test.js',
    },
    // Asynchronous invokes, when allowed.
    {
      code: 'import { InvokeCommand } from "@aws-sdk/client-lambda"; const c = new InvokeCommand({ FunctionName: "f", InvocationType: "Event" });',
      options: [{ allowAsync: true }],
    },
    {
      code: 'const AWS = require("aws-sdk"); const l = new AWS.Lambda(); l.invoke({ FunctionName: "f", InvocationType: "Event" });',
      options: [{ allowAsync: true }],
    },
  ],
  invalid: [
    {
      // The caller picks the function, also for a fire-and-forget invoke that `allowAsync` accepts.
      code: 'const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");\nconst lambda = new LambdaClient({});\nexports.handler = async (event) => {\n  const body = JSON.parse(event.body);\n  await lambda.send(new InvokeCommand({ FunctionName: body.fn, InvocationType: "Event", Payload: JSON.stringify(body.payload) }));\n  return { statusCode: 202 };\n};',
      options: [{ allowAsync: true }],
      errors: [{ messageId: 'functionFromInput', data: { path: 'event.body.fn' }, line: 5, column: 55 }],
    },
    {
      code: 'const AWS = require("aws-sdk");\nexports.handler = async (event) => {\n  const params = { FunctionName: `ORDER-${event.queryStringParameters.action}`, Payload: "{}" };\n  return new AWS.Lambda().invoke(params).promise();\n};',
      errors: [{ messageId: 'functionFromInput', data: { path: 'event.queryStringParameters.action' }, line: 3, column: 34 }],
    },
    {
      code: 'import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";\nawait new LambdaClient({}).send(new InvokeCommand({ FunctionName: "billing" }));\nexport const handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 2, column: 33 }],
    },
    {
      code: 'const { InvokeCommand: Call } = require("@aws-sdk/client-lambda");\nconst cmd = new Call({ FunctionName: "f" });\nexports.handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 2, column: 13 }],
    },
    {
      code: 'import * as lambda from "@aws-sdk/client-lambda";\nnew lambda.InvokeWithResponseStreamCommand({});\nexport const handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 2, column: 1 }],
    },
    {
      // The async form is still reported without the option.
      code: 'import { InvokeCommand } from "@aws-sdk/client-lambda";\nnew InvokeCommand({ FunctionName: "f", InvocationType: "Event" });\nexport const handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 2, column: 1 }],
    },
    {
      code: 'import { Lambda } from "@aws-sdk/client-lambda";\nconst client = new Lambda({});\nawait client.invoke({ FunctionName: "f" });\nexport const handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 3, column: 7 }],
    },
    {
      code: 'const AWS = require("aws-sdk");\nconst lambda = new AWS.Lambda();\nlambda.invoke({ FunctionName: "f" }).promise();\nexports.handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 3, column: 1 }],
    },
    {
      code: 'const Lambda = require("aws-sdk/clients/lambda");\nnew Lambda().invokeAsync({ FunctionName: "f" });\nexports.handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 2, column: 1 }],
    },
    {
      code: 'import { InvokeCommand } from "@aws-sdk/client-lambda";\nnew InvokeCommand({ FunctionName: "f", InvocationType: "RequestResponse" });\nexport const handler = async () => main();',
      options: [{ allowAsync: true }],
      errors: [{ messageId: 'directInvoke', line: 2, column: 1 }],
    },
  ],
  tsInvalid: [
    {
      code: 'import AWS = require("aws-sdk");\nconst lambda = new AWS.Lambda();\nlambda.invoke({ FunctionName: "f" });\nexports.handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 3, column: 1 }],
    },
    {
      code: 'import { InvokeCommand, type InvokeCommandInput } from "@aws-sdk/client-lambda";\nconst input: InvokeCommandInput = { FunctionName: "f" };\nconst cmd = new InvokeCommand(input as InvokeCommandInput);\nexport const handler = async () => main();',
      errors: [{ messageId: 'directInvoke', line: 3, column: 13 }],
    },
  ],
});
