import rule from '../../src/rules/no-module-scope-user-data.js';
import { testRule } from '../rule-tester.js';

testRule('no-module-scope-user-data', rule, {
  valid: [
    // Writes to a database persist the value; they do not keep it in this container.
    `const functions = require('firebase-functions');
     const admin = require('firebase-admin');
     exports.addMessage = functions.https.onRequest(async (req, res) => {
       const ref = await admin.database().ref('/messages').push({ original: req.query.text });
       res.json({ id: ref.key });
     });`,
    `import { getFirestore } from 'firebase-admin/firestore';
     import { onRequest } from 'firebase-functions/v2/https';
     export const addItem = onRequest(async (req, res) => {
       await getFirestore().collection('items').add({ name: req.body.name });
       res.status(201).end();
     });`,
    // Lazily created clients and configuration.
    `let client;
     const config = { table: process.env.TABLE };
     exports.handler = async (event) => {
       client ??= new DynamoDBClient({});
       config.region = process.env.AWS_REGION;
       return client.send(new GetItemCommand({ Key: { id: { S: event.pathParameters.id } } }));
     };`,
    // Counters and caches whose keys and values are not user data.
    `let invocations = 0;
     const cache = new Map();
     exports.handler = async (event) => {
       invocations++;
       if (!cache.has('settings')) cache.set('settings', await loadSettings());
       return { statusCode: 200 };
     };`,
    // Local variables that shadow a module name.
    `let user;
     exports.handler = async (event) => {
       let user = JSON.parse(event.body);
       await save(user);
     };`,
    // Module-level writes outside any handler flow.
    `const seen = [];
     function remember(x) { seen.push(x); }
     remember('boot');`,
  ],
  invalid: [
    {
      code: `let currentUser;
exports.handler = async (event) => {
  currentUser = JSON.parse(event.body).user;
  return { statusCode: 200 };
};`,
      errors: [{ messageId: 'moduleScopeWrite', line: 3, column: 3, data: { path: 'event.body', slot: 'module variable `currentUser`' } }],
    },
    {
      code: `const cache = {};
exports.handler = async (event) => {
  cache[event.pathParameters.id] = true;
};`,
      errors: [{ messageId: 'moduleScopeWrite', line: 3, column: 3, data: { path: 'event.pathParameters', slot: 'module-level `cache`' } }],
    },
    {
      code: `const state = { user: null };
export const handler = async (event) => {
  const user = await db.get(event.pathParameters.id);
  state.user = user;
};`,
      errors: [{ messageId: 'moduleScopeWrite', line: 4, column: 3, data: { path: 'event.pathParameters', slot: 'module-level `state`' } }],
    },
    {
      code: `const recent = [];
const sessions = new Map();
exports.handler = async (event) => {
  recent.push(event.body);
  sessions.set('last', event.headers.cookie);
};`,
      errors: [
        { messageId: 'moduleScopeWrite', line: 4, column: 3, data: { path: 'event.body', slot: 'module-level `recent`' } },
        { messageId: 'moduleScopeWrite', line: 5, column: 3, data: { path: 'event.headers', slot: 'module-level `sessions`' } },
      ],
    },
    {
      code: `const defaults = {};
exports.handler = async (event) => { Object.assign(defaults, JSON.parse(event.body)); };`,
      errors: [{ messageId: 'moduleScopeWrite', line: 2, column: 38, data: { path: 'event.body', slot: 'module-level `defaults`' } }],
    },
    {
      code: `exports.handler = async (event) => {
  globalThis.lastRequest = event.body;
  process.env.TENANT = event.headers['x-tenant'];
};`,
      errors: [
        { messageId: 'moduleScopeWrite', line: 2, column: 3, data: { path: 'event.body', slot: '`globalThis`' } },
        { messageId: 'moduleScopeWrite', line: 3, column: 3, data: { path: 'event.headers', slot: '`process.env`' } },
      ],
    },
    {
      // In a same-file function the handler calls.
      code: `let lastOrder;
function remember(order) { lastOrder = order; }
exports.handler = async (event) => { remember(JSON.parse(event.body)); };`,
      errors: [{ messageId: 'moduleScopeWrite', line: 2, column: 28, data: { path: 'event.body', slot: 'module variable `lastOrder`' } }],
    },
  ],
  tsValid: [
    `import { getFirestore } from 'firebase-admin/firestore';
     import type { APIGatewayProxyEvent } from 'aws-lambda';
     const db = getFirestore();
     export const handler = async (event: APIGatewayProxyEvent) => {
       await db.collection('orders').doc(event.pathParameters!.id as string).set({ status: 'new' });
       return { statusCode: 201 };
     };`,
  ],
  tsInvalid: [
    {
      // An Express route is a handler too.
      code: `import express from 'express';
const app = express();
const lastSearch: Record<string, unknown> = {};
app.get('/search', (req, res) => {
  lastSearch.query = req.query.q;
  res.end();
});`,
      errors: [{ messageId: 'moduleScopeWrite', line: 5, column: 3, data: { path: 'req.query', slot: 'module-level `lastSearch`' } }],
    },
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
let tenant: string | undefined;
export const handler: APIGatewayProxyHandler = async (event) => {
  tenant = event.headers['x-tenant'] as string;
  return { statusCode: 200, body: '' };
};`,
      errors: [{ messageId: 'moduleScopeWrite', line: 4, column: 3, data: { path: 'event.headers', slot: 'module variable `tenant`' } }],
    },
  ],
});
