import rule from '../../src/rules/no-nosql-injection.js';
import { testRule } from '../rule-tester.js';

testRule('no-nosql-injection', rule, {
  valid: [
    // Values through ExpressionAttributeValues, names through placeholders.
    "new QueryCommand({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': id } });",
    'const update = { UpdateExpression: `SET ${fields.map((f) => `#${f} = :${f}`).join(", ")}` };',
    "const p = { UpdateExpression: 'SET ' + parts.join(', ') };",
    // Validated or coerced MongoDB filters.
    `import { z } from 'zod';
     const Q = z.object({ user: z.string() });
     exports.handler = async (event) => {
       const { user } = Q.parse(JSON.parse(event.body));
       return users.findOne({ user });
     };`,
    'exports.handler = async (event) => users.findOne({ user: String(JSON.parse(event.body).user) });',
    // Array.find with a callback.
    'exports.handler = async (event) => items.find((i) => i.id === event.pathParameters.id);',
  ],
  invalid: [
    {
      code: 'exports.handler = async (event) => {\n  const status = event.queryStringParameters.status;\n  return ddb.send(new ScanCommand({ FilterExpression: `status = ${status}` }));\n};',
      errors: [{ messageId: 'dynamoExpressionFromInput', data: { key: 'FilterExpression', path: 'event.queryStringParameters' }, line: 3, column: 55 }],
    },
    {
      code: "const params = { KeyConditionExpression: 'pk = ' + pk };",
      errors: [{ messageId: 'dynamoExpressionBuilt', data: { key: 'KeyConditionExpression' }, line: 1, column: 42 }],
    },
    {
      code: 'exports.handler = async (event) => users.find(JSON.parse(event.body));',
      errors: [{ messageId: 'mongoFilterFromInput', data: { path: 'event.body' }, line: 1, column: 47 }],
    },
    {
      code: 'exports.handler = async (event) => {\n  const body = JSON.parse(event.body);\n  return users.findOne({ user: body.user, password: body.password });\n};',
      errors: [
        { messageId: 'mongoFilterFromInput', line: 3, column: 32 },
        { messageId: 'mongoFilterFromInput', line: 3, column: 53 },
      ],
    },
    {
      code: 'await users.find({ $where: `this.name === "${name}"` });',
      errors: [{ messageId: 'mongoWhere', line: 1, column: 20 }],
    },
  ],
  tsInvalid: [
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => Users.deleteMany(JSON.parse(event.body!) as object);",
      errors: [{ messageId: 'mongoFilterFromInput', line: 2, column: 80 }],
    },
  ],
});
