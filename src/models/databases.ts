import type { SinkModel } from './types.js';

/**
 * SQL clients, MongoDB, DynamoDB and document stores. Their clients are built in one module and used in another,
 * so most entries are shapes with evidence: the text reads as SQL, the file uses MongoDB, the object is a
 * DynamoDB request.
 */
const SQL_METHODS = [
  'query', 'execute', 'raw', 'prepare', 'exec', 'run', 'all', 'get', 'each', 'none', 'one', 'oneOrNone', 'many',
  'manyOrNone', 'any', 'result', 'multi', 'task',
];
/** Methods that take nothing but SQL text: no evidence needed. */
const SQL_ONLY_METHODS = [
  'unsafe', 'whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orderByRaw', 'joinRaw', 'selectRaw', 'fromRaw',
  'groupByRaw', '$queryRawUnsafe', '$executeRawUnsafe',
];
/**
 * SQL drivers and query builders: a file that imports one holds SQL clients, so the caller's text handed whole to
 * one of `SQL_CLIENT_METHODS` is the statement (`pool.query(sql)`). Matched exactly, or by the prefix before `*`.
 */
export const SQL_CLIENT_MODULES = [
  'pg', 'pg-pool', 'pg-promise', 'postgres', '@neondatabase/serverless', '@vercel/postgres', 'slonik', 'mysql', 'mysql2',
  'mysql2/promise', 'serverless-mysql', 'mariadb', 'mssql', 'tedious', 'sqlite3', 'better-sqlite3', 'sqlite', 'oracledb',
  '@planetscale/database', '@libsql/client', 'data-api-client', 'knex', 'objection', 'sequelize', 'typeorm', 'kysely',
  'drizzle-orm', '@prisma/client', '@databases/*',
];
/**
 * Methods whose first argument (or its `sql`/`text`) is the statement on those clients: pg/mysql/mssql `query`,
 * mysql2/oracledb/PlanetScale/libSQL `execute`, knex/Kysely/Drizzle `raw`, better-sqlite3 `prepare`, pg-promise's
 * result methods, and those that take nothing but SQL. Not the names other objects share (`get`, `run`, `all`,
 * `exec`, `each`): a `Map`, a router or a `RegExp` has them too.
 */
const SQL_CLIENT_METHODS = ['query', 'execute', 'raw', 'prepare', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'multi'];
/** MongoDB and Mongoose methods whose first argument is a filter. */
const MONGO_FILTER_METHODS = [
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'updateOne', 'updateMany',
  'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'count', 'distinct', 'exists', 'where', 'remove',
];
const DYNAMO_EXPRESSIONS = ['KeyConditionExpression', 'FilterExpression', 'UpdateExpression', 'ConditionExpression', 'ProjectionExpression'];

/** DynamoDB commands whose input holds conditions and expressions. */
const DYNAMO_REQUESTS: [string, string[]][] = [
  ['@aws-sdk/client-dynamodb', ['ScanCommand', 'QueryCommand', 'UpdateItemCommand', 'DeleteItemCommand']],
  ['@aws-sdk/lib-dynamodb', ['ScanCommand', 'QueryCommand', 'UpdateCommand', 'DeleteCommand']],
];

export const databases: SinkModel[] = [
  // First, so that a value taken whole is matched as the client's statement before the shapes below match it too.
  ...[...SQL_CLIENT_METHODS, ...SQL_ONLY_METHODS].map((method): SinkModel => ({ kind: 'sql', method, evidence: 'sql-client', properties: ['sql', 'text'] })),
  ...SQL_METHODS.map((method): SinkModel => ({ kind: 'sql', method, evidence: 'sql-text', properties: ['sql', 'text', 'query'] })),
  ...SQL_ONLY_METHODS.map((method): SinkModel => ({ kind: 'sql', method, evidence: 'sql-only' })),
  { kind: 'sql', module: '@aws-sdk/client-rds-data', path: ['ExecuteStatementCommand'], construct: true, property: 'sql' },
  // DynamoDB's PartiQL: `Statement` is SQL-like text, with `?` and `Parameters` for values.
  // sqlite3's `new Database(file)`, then `db.all(sql, …)`; tedious's `new Request(sql, callback)`.
  ...['all', 'get', 'run', 'each', 'exec', 'prepare'].map((instanceMethod): SinkModel => ({ kind: 'sql', module: 'sqlite3', path: ['Database'], construct: true, instanceMethod })),
  { kind: 'sql', module: 'tedious', path: ['Request'], construct: true },
  { kind: 'sql', module: '@aws-sdk/client-dynamodb', path: ['ExecuteStatementCommand'], construct: true, property: 'Statement' },
  { kind: 'sql', module: '@aws-sdk/lib-dynamodb', path: ['ExecuteStatementCommand'], construct: true, property: 'Statement' },
  { kind: 'sql', method: 'executeStatement', evidence: 'sql-only', properties: ['sql', 'Statement'] },
  ...MONGO_FILTER_METHODS.map((method): SinkModel => ({ kind: 'nosql-filter', method, evidence: 'mongo' })),
  ...DYNAMO_EXPRESSIONS.map((objectKey): SinkModel => ({ kind: 'nosql-expression', objectKey })),
  // A whole request the caller sent (`docClient.scan(req.body.params)`): they choose the table and every condition.
  ...DYNAMO_REQUESTS.flatMap(([module, commands]) =>
    commands.map((command): SinkModel => ({ kind: 'nosql-expression', module, path: [command], construct: true, whole: true })),
  ),
  { kind: 'nosql-expression', method: 'scan', evidence: 'dynamodb', whole: true },
  { kind: 'nosql-expression', method: 'query', evidence: 'dynamodb', whole: true },
  // The whole request body stored as a record: every field the caller adds is kept (mass assignment).
  { kind: 'record', objectKey: 'Item', callee: /^(put|Put(Item)?Command|putItem|transactWrite|batchWrite)$/ },
  { kind: 'record', objectKey: 'data', callee: /^(create|createMany|update|updateMany|upsert)$/ },
  { kind: 'record', objectKey: '$set', callee: /^(update|updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate)$/ },
  // `db.insert('products', req.body)`, knex `insert(body)`: only the whole body counts, so no evidence is needed.
  { kind: 'record', method: 'insert', arguments: 'all' },
  { kind: 'record', method: 'insertOne', evidence: 'mongo' },
  { kind: 'record', method: 'insertMany', evidence: 'mongo' },
  { kind: 'record', method: 'create', evidence: 'mongo' },
  { kind: 'record', method: 'set', evidence: 'document-store' },
  { kind: 'record', method: 'add', evidence: 'document-store' },
];
