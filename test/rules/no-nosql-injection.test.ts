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
    "import mongoose from 'mongoose';\nexports.handler = async (event) => items.find((i) => i.id === event.pathParameters.id);",
    // `findOne` on something that is not MongoDB: no MongoDB client in the file, no collection.
    'exports.handler = async (event) => cache.findOne(JSON.parse(event.body));',
    // Path parameters, headers and API Gateway query values are always strings: no operator object fits.
    `import { MongoClient } from 'mongodb';
     const orders = new MongoClient(uri).db().collection('orders');
     exports.handler = async (event) => orders.findOne({ id: event.pathParameters.id, tenant: event.headers['x-tenant'], q: event.queryStringParameters.q });`,
    // A DynamoDB request written in the code, with the caller's values in their places (directly, through a const,
    // or built by a helper); a pagination key is a value too.
    `const AWS = require('aws-sdk');
     const docClient = new AWS.DynamoDB.DocumentClient();
     exports.handler = async (event) => {
       const body = JSON.parse(event.body);
       await docClient.query({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': body.id } }).promise();
       const params = { TableName: 'orders', ExpressionAttributeValues: { ':o': body.owner }, ExclusiveStartKey: body.next };
       await docClient.scan(params).promise();
       return docClient.scan(paramsFor(body)).promise();
     };
     function paramsFor(body) { return { TableName: 'orders', FilterExpression: 'o = :o', ExpressionAttributeValues: { ':o': body.owner } }; }`,
    // \`scan\` on something else, in a file without the AWS SDK.
    'exports.handler = async (event) => redis.scan(JSON.parse(event.body).cursor);',
    // Queue payloads are the app's own data.
    `import { MongoClient } from 'mongodb';
     exports.handler = async (event) => { for (const r of event.Records) await db.collection('o').deleteOne(JSON.parse(r.body)); };`,
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
      code: "import mongoose from 'mongoose';\nexports.handler = async (event) => users.find(JSON.parse(event.body));",
      errors: [{ messageId: 'mongoFilterFromInput', data: { path: 'event.body' }, line: 2, column: 47 }],
    },
    {
      code: 'exports.handler = async (event) => {\n  const body = JSON.parse(event.body);\n  return db.collection(\'users\').findOne({ user: body.user, password: body.password });\n};',
      errors: [
        { messageId: 'mongoFilterFromInput', line: 3, column: 49 },
        { messageId: 'mongoFilterFromInput', line: 3, column: 70 },
      ],
    },
    {
      // The caller's own request, handed to DynamoDB as it came (and spread into one).
      code: "const AWS = require('aws-sdk');\nconst { ScanCommand } = require('@aws-sdk/lib-dynamodb');\nconst docClient = new AWS.DynamoDB.DocumentClient();\nexports.handler = async (event) => {\n  const { params, filter } = JSON.parse(event.body);\n  await docClient.scan(params).promise();\n  return doc.send(new ScanCommand({ ...filter, TableName: 'orders' }));\n};",
      errors: [
        { messageId: 'dynamoRequestFromInput', data: { target: 'docClient.scan()', path: 'event.body.params' }, line: 6, column: 24 },
        { messageId: 'dynamoRequestFromInput', data: { target: 'new ScanCommand()', path: 'event.body.filter' }, line: 7, column: 40 },
      ],
    },
    {
      code: 'await users.find({ $where: `this.name === "${name}"` });',
      errors: [{ messageId: 'mongoWhere', line: 1, column: 20 }],
    },
  ],
  tsInvalid: [
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport { Users } from './models';\nimport mongoose from 'mongoose';\nexport const handler = async (event: APIGatewayProxyEvent) => Users.deleteMany(JSON.parse(event.body!) as object);",
      errors: [{ messageId: 'mongoFilterFromInput', line: 4, column: 80 }],
    },
    {
      // Express parses `?user[$ne]=x` into an object: `req.query` can carry operators.
      code: "import express from 'express';\nimport { MongoClient } from 'mongodb';\nconst app = express();\napp.get('/u', async (req, res) => res.json(await db.collection('users').findOne({ name: req.query.name })));",
      errors: [{ messageId: 'mongoFilterFromInput', data: { path: 'req.query' }, line: 4, column: 89 }],
    },
  ],
});
