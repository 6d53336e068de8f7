'use strict';

const { exec } = require('child_process');
const { Pool } = require('pg');
const serialize = require('node-serialize');

const pool = new Pool();

// Makes a thumbnail for a file named in the query string and records it for the session in the cookie.
exports.handler = async (event) => {
  const file = event.queryStringParameters.file;
  const session = serialize.unserialize(Buffer.from(event.headers.cookie, 'base64').toString());
  exec(`convert ${file} -resize 200x200 /tmp/thumb.png`);
  await pool.query(`INSERT INTO thumbnails (owner, file) VALUES ('${session.user}', '${file}')`);
  await ddb.send(new QueryCommand({ TableName: 'files', KeyConditionExpression: `owner = ${session.user}` }));
  return { statusCode: 202 };
};
