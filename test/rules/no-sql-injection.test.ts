import rule from '../../src/rules/no-sql-injection.js';
import { testRule } from '../rule-tester.js';

const H = (body: string): string => `exports.handler = async (event) => {\n${body}\n};`;

/** A shared helper library that reads the request body for the handler, and a query runner of the app's own. */
const UTILS = "import { parseEvent } from '@company/lambda-utils';\nimport { runQuery } from './db.js';\n";
const PARSE_EVENT = { module: '@company/lambda-utils', path: ['parseEvent'] };
const RUN_QUERY = { kind: 'sql', module: './db.js', path: ['runQuery'] };
const PG = "const { Pool } = require('pg');\nconst { parseEvent } = require('@company/lambda-utils');\nconst pool = new Pool();\n";

testRule('no-sql-injection', rule, {
  valid: [
    // sqlite3 with placeholders, and a `Map#get` beside it.
    "const sqlite3 = require('sqlite3');\nconst db = new sqlite3.Database('/tmp/app.db');\nconst cache = new Map();\nexports.handler = async (event) => {\n  cache.get(event.queryStringParameters.owner);\n  db.all('SELECT * FROM notes WHERE owner = ?', [event.queryStringParameters.owner], (err, rows) => {});\n};",
    // PartiQL with `?` placeholders and `Parameters`.
    "const { ExecuteStatementCommand } = require('@aws-sdk/client-dynamodb');\nexports.handler = async (event) => {\n  await ddb.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM Orders WHERE id = ?', Parameters: [{ S: event.pathParameters.id }] }));\n  return { statusCode: 200, body: '' };\n};",
    // Parameterised, per driver.
    "const { Pool } = require('pg'); const pool = new Pool(); pool.query('SELECT * FROM users WHERE id = $1', [id]);",
    "import mysql from 'mysql2/promise'; await conn.execute('SELECT * FROM users WHERE id = ?', [id]);",
    "await knex.raw('select * from users where id = ?', [id]); await knex('users').whereRaw('id = ?', [id]);",
    "await sequelize.query('SELECT * FROM users WHERE id = :id', { replacements: { id } });",
    "await prisma.$queryRawUnsafe('SELECT * FROM users WHERE id = $1', id);",
    'await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;',
    'await sql`select * from users where id = ${id}`;',
    "db.prepare('SELECT * FROM users WHERE id = ?').get(id);",
    // An SQL client's method with the caller's text only among the values, or a constant statement.
    PG + H("  await pool.query('SELECT * FROM users WHERE id = $1', [event.queryStringParameters.id]);\n  await pool.query({ text: 'SELECT * FROM users WHERE name = $1', values: [JSON.parse(event.body).name] });"),
    PG + H("  const config = { text: 'SELECT * FROM users WHERE id = $1', values: [event.pathParameters.id] };\n  const { rows } = await pool.query(config);\n  return { statusCode: 200, body: JSON.stringify(rows) };"),
    PG + "const REPORT = 'SELECT count(*) FROM orders';\n" + H("  const sql = process.env.REPORT_SQL;\n  await pool.query(REPORT);\n  await pool.query(sql);"),
    // The caller only picks one of the app's own statements.
    "const { Pool } = require('pg');\nconst { z } = require('zod');\nconst pool = new Pool();\nconst Body = z.object({ sql: z.enum(['SELECT 1', 'SELECT 2']) });\n" + H('  const { sql } = Body.parse(JSON.parse(event.body));\n  await pool.query(sql);'),
    // Same-named methods of other objects in a file with an SQL driver: a Map, a RegExp, a promise combinator.
    PG + "const cache = new Map();\n" + H('  const hit = cache.get(event.queryStringParameters.id);\n  const m = /^(\\w+)$/.exec(event.body);\n  return Promise.any([event.body]);'),
    // `.query()` of a client that is not SQL, in a file without an SQL driver.
    "const { GraphQLClient } = require('graphql-request');\nconst client = new GraphQLClient(process.env.API);\n" + H('  const { query } = JSON.parse(event.body);\n  return client.query(query);'),
    // A DynamoDB client's `query` in a file that also imports pg: its own nosql entry, not SQL.
    PG + "const AWS = require('aws-sdk');\nconst docClient = new AWS.DynamoDB.DocumentClient();\n" + H('  const { Items } = await docClient.query(JSON.parse(event.body)).promise();\n  return Items;'),
    // Queue messages are the app's own (internal input): reported only with `internalInput` elsewhere.
    PG + "exports.worker = async (event) => {\n  for (const record of event.Records) await pool.query(JSON.parse(record.body).sql);\n};",
    // Constant strings, also concatenated.
    "await pool.query('SELECT * FROM users ' + 'WHERE active = true');",
    "const TABLE = 'users'; await pool.query(`SELECT * FROM ${TABLE}`);",
    // Not SQL.
    'await client.query(`{ user(id: "${id}") { name } }`);',
    '$(`#row-${id}`).find("td"); cache.get(`user:${id}`);',
    // A helper's own wrapper with a table name from a fixed list (not inside quotes), or deploy-time values.
    "export function countRows(table) { return runSql(`SELECT COUNT(*) FROM ${table}`); }",
    "const { SCHEMA } = process.env;\nexport const setup = () => runSql(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.users (name text) WHERE x = '${SCHEMA}'`);",
    // Quoted text that is not SQL.
    "export const label = (name) => t(`Hello '${name}', welcome`);",
    // The statement is what the helper library read from the event, but the library is not named in `sources`.
    { code: UTILS + H('  await runQuery(parseEvent(event).sql);'), settings: { 'serverless-security': { sinks: [RUN_QUERY] } } },
    // Named, but the value is checked before it is used.
    {
      code: UTILS + H("  const { sql } = parseEvent(event);\n  if (!['SELECT 1', 'SELECT 2'].includes(sql)) return { statusCode: 400 };\n  await runQuery(sql);"),
      settings: { 'serverless-security': { sinks: [RUN_QUERY], sources: [PARSE_EVENT] } },
    },
  ],
  invalid: [
    {
      // sqlite3: the statement goes to a method of the `Database` made in the file.
      code: "const sqlite3 = require('sqlite3');\nconst db = new sqlite3.Database('/tmp/app.db');\nexports.handler = async (event) => {\n  db.all(`SELECT * FROM notes WHERE owner = '${event.queryStringParameters.owner}'`, (err, rows) => {});\n};",
      errors: [{ messageId: 'sqlFromInput', data: { path: 'event.queryStringParameters' }, line: 4, column: 10, suggestions: [] }],
    },
    {
      // tedious: `new Request(sql, callback)` runs its text.
      code: "import { Request } from 'tedious';\nexport const handler = async (event) => new Request('SELECT * FROM users WHERE id = ' + event.pathParameters.id, () => {});",
      errors: [{ messageId: 'sqlFromInput', data: { path: 'event.pathParameters' }, line: 2, column: 53, suggestions: [] }],
    },
    // The caller's text taken whole as the statement, in files that import an SQL driver or query builder.
    {
      code: "const { Pool } = require('pg');\nconst pool = new Pool();\nexports.handler = async (event) => {\n  const { sql } = JSON.parse(event.body);\n  const { rows } = await pool.query(sql);\n  return { statusCode: 200, body: JSON.stringify(rows) };\n};",
      errors: [{ messageId: 'sqlFromInput', data: { path: 'event.body' }, line: 5, column: 37 }],
    },
    {
      code: "const express = require('express');\nconst mysql = require('mysql2/promise');\nconst app = express();\napp.post('/report', async (req, res) => {\n  const conn = await mysql.createConnection(process.env.DB_URL);\n  const [rows] = await conn.execute(req.body.query);\n  res.json(rows);\n});",
      errors: [{ messageId: 'sqlFromInput', data: { path: 'req.body' }, line: 6, column: 37 }],
    },
    {
      code: "import Knex from 'knex';\nconst knex = Knex({ client: 'pg' });\n" + H("  const { filter } = JSON.parse(event.body);\n  await knex.raw(filter);\n  await knex('users').whereRaw(event.queryStringParameters.where);"),
      errors: [
        { messageId: 'sqlFromInput', line: 5, column: 18 },
        { messageId: 'sqlFromInput', line: 6, column: 32 },
      ],
    },
    {
      // The client made by calling the module (`require('serverless-mysql')(config)`) is evidence too.
      code: "const mysql = require('serverless-mysql')({ config: { host: process.env.DB_HOST } });\n" + H('  const results = await mysql.query(event.queryStringParameters.sql);\n  await mysql.end();\n  return results;'),
      errors: [{ messageId: 'sqlFromInput', data: { path: 'event.queryStringParameters' }, line: 3, column: 37 }],
    },
    {
      code: "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize(process.env.DB_URL);\n" + H('  return sequelize.query(event.queryStringParameters.q);'),
      errors: [{ messageId: 'sqlFromInput', data: { path: 'event.queryStringParameters' }, line: 4, column: 26 }],
    },
    {
      code: PG + H('  const input = JSON.parse(event.body).statement;\n  return pool.query({ text: input, values: [] });'),
      errors: [{ messageId: 'sqlFromInput', line: 6, column: 29 }],
    },
    {
      code: "const Database = require('better-sqlite3');\nconst db = new Database('app.db');\n" + H('  return db.prepare(event.queryStringParameters.sql).all();'),
      errors: [{ messageId: 'sqlFromInput', line: 4, column: 21 }],
    },
    {
      // express-validator: before the result check the id is the caller's; after it, validated by its chain, the
      // text is still built (sqlBuilt). A field checked only for presence stays the caller's, matchedData is checked.
      code: `import express from 'express';
import { body, param, validationResult, matchedData } from 'express-validator';
const router = express.Router();
router.post('/users/:id', param('id').isUUID(), body('name').notEmpty(), async (req, res) => {
  await db.query(\`SELECT * FROM users WHERE id = '\${req.params.id}'\`);
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  await db.query(\`SELECT * FROM users WHERE id = '\${req.params.id}'\`);
  await db.query(\`SELECT * FROM users WHERE name = '\${req.body.name}'\`);
  const { id } = matchedData(req);
  await db.query(\`DELETE FROM sessions WHERE user_id = '\${id}'\`);
});`,
      errors: [
        { messageId: 'sqlFromInput', data: { path: 'req.params' }, line: 5, column: 18, suggestions: [] },
        { messageId: 'sqlBuilt', line: 8, column: 18, suggestions: [] },
        { messageId: 'sqlFromInput', data: { path: 'req.body' }, line: 9, column: 18, suggestions: [] },
        { messageId: 'sqlBuilt', line: 11, column: 18, suggestions: [] },
      ],
    },
    {
      // DynamoDB PartiQL: the statement is SQL-like text; the caller's quote ends the string.
      code: "const { ExecuteStatementCommand } = require('@aws-sdk/lib-dynamodb');\nexports.handler = async (event) => {\n  const owner = event.queryStringParameters.owner;\n  await doc.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM Orders WHERE owner = '${owner}'` }));\n  return { statusCode: 200, body: '' };\n};",
      errors: [{ messageId: 'sqlFromInput', line: 4, column: 59 }],
    },
    {
      // The usual helper module: SQL text built from the helper's parameters, handed to a wrapper of its own.
      code: "export async function addPartner(name) {\n  return executeQuery(`INSERT INTO partners (name) VALUES ('${name}')`);\n}",
      errors: [{ messageId: 'sqlBuilt', line: 2, column: 23, suggestions: [] }],
    },
    {
      code: "exports.search = (term) => {\n  const sql = \"SELECT * FROM items WHERE title LIKE '%\" + term + \"%'\";\n  return db.request().query(sql);\n};",
      errors: [{ messageId: 'sqlBuilt', line: 3, column: 29, suggestions: [] }],
    },
    {
      // mysql2 query objects.
      code: "export const byName = (conn, name) => conn.query({ sql: `SELECT * FROM users WHERE name = '${name}'` });",
      errors: [{ messageId: 'sqlBuilt', line: 1, column: 57, suggestions: [] }],
    },
    {
      code: "const { Pool } = require('pg');\nconst pool = new Pool();\n" + H('  await pool.query(`SELECT * FROM orders WHERE id = ${event.pathParameters.id}`);'),
      errors: [
        {
          messageId: 'sqlFromInput',
          data: { path: 'event.pathParameters' },
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'suggestPlaceholders',
              output: "const { Pool } = require('pg');\nconst pool = new Pool();\n" + H("  await pool.query('SELECT * FROM orders WHERE id = $1', [event.pathParameters.id]);"),
            },
          ],
        },
      ],
    },
    {
      code: "import mysql from 'mysql2/promise';\n" + H("  const name = JSON.parse(event.body).name;\n  const sql = \"SELECT * FROM users WHERE name = '\" + name + \"'\";\n  await conn.query(sql);"),
      errors: [{ messageId: 'sqlFromInput', data: { path: 'event.body' }, line: 5, column: 20, suggestions: [] }],
    },
    {
      // `?` style for mysql, quotes around the value dropped.
      code: "import mysql from 'mysql2/promise';\nawait conn.query(`SELECT * FROM users WHERE email = '${email}' AND org = ${org}`);",
      errors: [
        {
          messageId: 'sqlBuilt',
          line: 2,
          column: 18,
          suggestions: [{ messageId: 'suggestPlaceholders', output: "import mysql from 'mysql2/promise';\nawait conn.query('SELECT * FROM users WHERE email = ? AND org = ?', [email, org]);" }],
        },
      ],
    },
    {
      code: 'let q = "SELECT * FROM t WHERE 1=1";\nif (a) q += " AND a = " + a;\ndb.all(q);',
      errors: [{ messageId: 'sqlBuilt', line: 3, column: 8, suggestions: [] }],
    },
    {
      code: 'await knex.raw(`select * from users where id = ${id}`);\nawait knex("users").whereRaw("id = " + id);',
      errors: [
        { messageId: 'sqlBuilt', line: 1, column: 16, suggestions: [] },
        { messageId: 'sqlBuilt', line: 2, column: 30, suggestions: [] },
      ],
    },
    {
      code: 'await prisma.$queryRawUnsafe(`SELECT * FROM users WHERE id = ${id}`);',
      errors: [
        {
          messageId: 'sqlBuilt',
          line: 1,
          column: 30,
          suggestions: [{ messageId: 'suggestTaggedTemplate', output: 'await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;' }],
        },
      ],
    },
    {
      code: 'await sequelize.query("DELETE FROM sessions WHERE user = ".concat(user));\nawait sql.unsafe(`select * from t order by ${col}`);',
      errors: [
        { messageId: 'sqlBuilt', line: 1, column: 23, suggestions: [] },
        { messageId: 'sqlBuilt', line: 2, column: 18, suggestions: [] },
      ],
    },
    {
      code: "import { RDSDataClient, ExecuteStatementCommand } from '@aws-sdk/client-rds-data';\nnew ExecuteStatementCommand({ resourceArn, secretArn, sql: `SELECT * FROM t WHERE id = ${id}` });",
      errors: [{ messageId: 'sqlBuilt', line: 2, column: 60, suggestions: [] }],
    },
    {
      // Named in `sources`: what the helper library returns is the caller's text, taken whole as the statement.
      code: UTILS + H('  await runQuery(parseEvent(event).sql);'),
      settings: { 'serverless-security': { sinks: [RUN_QUERY], sources: [PARSE_EVENT] } },
      errors: [{ messageId: 'sqlFromInput', data: { path: 'parseEvent()' }, line: 4, column: 18, suggestions: [] }],
    },
    {
      // Spliced into SQL text: the caller's input (without the setting, only SQL built at run time).
      code: PG + H('  const body = parseEvent(event);\n  await pool.query(`SELECT * FROM orders WHERE id = ${body.id}`);'),
      settings: { 'serverless-security': { sources: [PARSE_EVENT] } },
      errors: [
        {
          messageId: 'sqlFromInput',
          data: { path: 'parseEvent()' },
          line: 6,
          column: 20,
          suggestions: [{ messageId: 'suggestPlaceholders', output: PG + H("  const body = parseEvent(event);\n  await pool.query('SELECT * FROM orders WHERE id = $1', [body.id]);") }],
        },
      ],
    },
    {
      code: PG + H('  const body = parseEvent(event);\n  await pool.query(`SELECT * FROM orders WHERE id = ${body.id}`);'),
      errors: [
        {
          messageId: 'sqlBuilt',
          line: 6,
          column: 20,
          suggestions: [{ messageId: 'suggestPlaceholders', output: PG + H("  const body = parseEvent(event);\n  await pool.query('SELECT * FROM orders WHERE id = $1', [body.id]);") }],
        },
      ],
    },
  ],
  tsInvalid: [
    {
      code: "import { Pool } from 'pg';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst pool = new Pool();\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const body = JSON.parse(event.body ?? '{}') as { sql: string };\n  const { rows } = await pool.query<{ id: string }>(body.sql);\n  return { statusCode: 200, body: JSON.stringify(rows) };\n};",
      errors: [{ messageId: 'sqlFromInput', line: 6, column: 53 }],
    },
    {
      // checkSchema behind a same-file middleware that answers 422: `status` is from an allow-list, `q` only trimmed.
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { checkSchema, validationResult } from 'express-validator';
const app = express();
const rejectInvalid = (req: Request, res: Response, next: NextFunction) =>
  validationResult(req).isEmpty() ? next() : res.status(422).json({ errors: validationResult(req).array() });
app.get('/orders', checkSchema({ status: { in: ['query'], isIn: { options: [['open', 'paid']] } }, q: { in: ['query'], trim: true } }), rejectInvalid, async (req: Request, res: Response) => {
  res.json(await db.query(\`SELECT * FROM orders WHERE status = '\${req.query.status as string}'\`));
  res.json(await db.query(\`SELECT * FROM orders WHERE note LIKE '%\${req.query.q as string}%'\`));
});`,
      errors: [
        { messageId: 'sqlBuilt', line: 7, column: 27, suggestions: [] },
        { messageId: 'sqlFromInput', data: { path: 'req.query' }, line: 8, column: 27, suggestions: [] },
      ],
    },
    {
      code: "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/u', async (ctx) => { ctx.body = await db.query('SELECT * FROM u WHERE name = ' + ctx.query.name); });",
      errors: [{ messageId: 'sqlFromInput', data: { path: 'ctx.query' }, line: 3, column: 61, suggestions: [] }],
    },
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const rows = await db.query(`SELECT * FROM t WHERE name = ${event.queryStringParameters!.name as string}`);\n};",
      errors: [{ messageId: 'sqlFromInput', line: 3, column: 31, suggestions: [] }],
    },
    {
      code: "import { parseEvent } from '@company/lambda-utils';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const { name } = await parseEvent<{ name: string }>(event);\n  return db.query(`SELECT * FROM users WHERE name = '${name}'`);\n};",
      settings: { 'serverless-security': { sources: [PARSE_EVENT] } },
      errors: [{ messageId: 'sqlFromInput', data: { path: 'parseEvent()' }, line: 5, column: 19, suggestions: [] }],
    },
  ],
  tsValid: ["const rows = await db.query<User>('SELECT * FROM users WHERE id = $1', [id as string]);"],
});
