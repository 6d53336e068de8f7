import rule from '../../src/rules/no-sql-injection.js';
import { testRule } from '../rule-tester.js';

const H = (body: string): string => `exports.handler = async (event) => {\n${body}\n};`;

testRule('no-sql-injection', rule, {
  valid: [
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
  ],
  invalid: [
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
  ],
  tsInvalid: [
    {
      code: "import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/u', async (ctx) => { ctx.body = await db.query('SELECT * FROM u WHERE name = ' + ctx.query.name); });",
      errors: [{ messageId: 'sqlFromInput', data: { path: 'ctx.query' }, line: 3, column: 61, suggestions: [] }],
    },
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const rows = await db.query(`SELECT * FROM t WHERE name = ${event.queryStringParameters!.name as string}`);\n};",
      errors: [{ messageId: 'sqlFromInput', line: 3, column: 31, suggestions: [] }],
    },
  ],
  tsValid: ["const rows = await db.query<User>('SELECT * FROM users WHERE id = $1', [id as string]);"],
});
