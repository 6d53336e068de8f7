import rule from '../../src/rules/no-command-injection.js';
import { testRule } from '../rule-tester.js';

/** A helper library's function whose result is what the caller sent (`settings['serverless-security'].sources`). */
const sources = (...entries: object[]) => ({ 'serverless-security': { sources: entries } });
const READ_BODY = sources({ module: './http.js', path: ['readBody'] });

testRule('no-command-injection', rule, {
  valid: [
    "const { exec } = require('child_process'); exec('ls -la /tmp');",
    "import { execFile } from 'node:child_process'; execFile('convert', [input, output]);",
    "import { spawn } from 'child_process'; spawn('git', ['log', ref]);",
    "import { spawn } from 'child_process'; spawn('ls -la', { shell: true });",
    "import { execa } from 'execa'; await execa('convert', [input, output]);",
    // Not child_process: a promisified function of another module.
    "import { promisify } from 'util';\nimport { exec } from './db.js';\nconst run = promisify(exec);\nexport const handler = async (event) => run(`x ${event.body}`);",
    // Not child_process.
    'const exec = (x) => x; exec(`rm ${x}`);',
    'regex.exec(text);',
    // A setup script outside any handler, building a command from its own prompt answers.
    "const { execSync } = require('child_process');\nlet orgUrl;\nasync function main() { orgUrl = await ask('Okta URL?'); execSync(`firebase functions:config:set okta.url=${orgUrl}`); }",
    // Deploy-time configuration only.
    "const { execSync } = require('child_process');\nconst { STAGE } = process.env;\nexports.handler = async () => { execSync(`deploy --stage ${STAGE}`); };",
    // A configured source, but not the function it names: a local one of the same name, one from another module.
    {
      code: "import { exec } from 'child_process';\nconst readBody = (event) => ({ cmd: 'ls' });\nexport const handler = async (event) => { exec(readBody(event).cmd); };",
      settings: READ_BODY,
    },
    {
      code: "import { exec } from 'child_process';\nimport { readBody } from './other.js';\nexport const handler = async (event) => { exec(readBody(event).cmd); };",
      settings: READ_BODY,
    },
    // Without the setting, what a helper computes from the event is derived data, not the input.
    "import { exec } from 'child_process';\nimport { readBody } from './http.js';\nexport const handler = async (event) => { exec(readBody(event).cmd); };",
    // Validated, by name or by module.
    {
      code: "import { exec } from 'child_process';\nimport { readBody } from './http.js';\nexport const handler = async (event) => {\n  const body = readBody(event);\n  assertCommand(body);\n  exec(body.cmd);\n};",
      settings: { 'serverless-security': { sources: [{ module: './http.js', path: ['readBody'] }], validators: ['assertCommand'] } },
    },
    {
      code: "import { exec } from 'child_process';\nimport { readBody } from './http.js';\nimport { assertCommand } from './commands.js';\nexport const handler = async (event) => {\n  const body = readBody(event);\n  assertCommand(body);\n  exec(body.cmd);\n};",
      settings: { 'serverless-security': { sources: [{ module: './http.js', path: ['readBody'] }], validators: [{ module: './commands.js', path: ['assertCommand'] }] } },
    },
    // The app's own workflow input counts only where a rule asks for it; this one does not.
    {
      code: "import { exec } from 'child_process';\nimport { readJob } from './jobs.js';\nexport const handler = async (event) => { exec(readJob(event).cmd); };",
      settings: sources({ module: './jobs.js', path: ['readJob'], trust: 'internal' }),
    },
  ],
  invalid: [
    {
      // Free of `..` is safe as a file name, not on a command line: `a; rm -rf /` has no `..`.
      code: "const { exec } = require('child_process');\nexports.handler = async (event) => {\n  const { file } = event.pathParameters;\n  if (file.includes('..')) return { statusCode: 400, body: '' };\n  exec(`gzip /tmp/${file}`);\n};",
      errors: [{ messageId: 'commandFromInput', data: { path: 'event.pathParameters' }, line: 5, column: 8, suggestions: [] }],
    },
    {
      // express-validator checked: `type` is from an allow-list, `host` only non-empty and trimmed.
      code: `import express from 'express';
import { body, validationResult } from 'express-validator';
import { exec } from 'node:child_process';
const app = express();
app.post('/lookup', body('host').notEmpty().trim(), body('type').isIn(['A', 'MX']), (req, res) => {
  if (!validationResult(req).isEmpty()) return res.status(400).end();
  exec(\`dig \${req.body.type} \${req.body.host}\`, (err, out) => res.send(out));
});`,
      errors: [{ messageId: 'commandFromInput', data: { path: 'req.body' }, line: 7, column: 8, suggestions: [] }],
    },
    {
      code: "const cp = require('child_process');\nexports.handler = async (event) => {\n  cp.exec(`convert ${event.queryStringParameters.file} out.png`);\n};",
      errors: [
        {
          messageId: 'commandFromInput',
          data: { path: 'event.queryStringParameters' },
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'suggestExecFile',
              output: "const cp = require('child_process');\nexports.handler = async (event) => {\n  cp.execFile('convert', [event.queryStringParameters.file, 'out.png']);\n};",
            },
          ],
        },
      ],
    },
    {
      code: "import { execSync as run } from 'node:child_process';\nexport function extract(archive) { return run('tar -xzf ' + archive); }",
      errors: [{ messageId: 'commandBuilt', line: 2, column: 47, suggestions: [] }],
    },
    {
      code: "import * as cp from 'child_process';\nexport const ping = (host) => cp.execSync(`ping -c 1 ${host}`, { timeout: 1000 });",
      errors: [
        {
          messageId: 'commandBuilt',
          line: 2,
          column: 43,
          suggestions: [{ messageId: 'suggestExecFile', output: "import * as cp from 'child_process';\nexport const ping = (host) => cp.execFileSync('ping', ['-c', '1', host], { timeout: 1000 });" }],
        },
      ],
    },
    {
      code: "const { spawn } = require('child_process');\nexports.log = (ref) => spawn(`git log ${ref}`, { shell: true });",
      errors: [{ messageId: 'commandBuilt', line: 2, column: 30, suggestions: [] }],
    },
    {
      code: "import { execaCommand } from 'execa';\nexport const unzip = async (file) => execaCommand(`unzip ${file}`);",
      errors: [{ messageId: 'commandBuilt', line: 2, column: 51, suggestions: [] }],
    },
    {
      code: "import { exec } from 'child_process';\nexport function run(command) { exec(command, (err) => {}); }",
      errors: [{ messageId: 'commandBuilt', line: 2, column: 37, suggestions: [] }],
    },
    {
      // A configured source: what `readBody` from ./http.js returns is the caller's, whatever it was given.
      code: "import { exec } from 'node:child_process';\nimport { readBody } from './http.js';\nexport const handler = async (event) => {\n  exec(`ls ${readBody(event).dir}`);\n};",
      settings: READ_BODY,
      errors: [{ messageId: 'commandFromInput', data: { path: 'readBody()' }, line: 4, column: 8, suggestions: [] }],
    },
    {
      // Renamed in a CommonJS destructuring, through a variable.
      code: "const cp = require('child_process');\nconst { readBody: body } = require('./http.js');\nexports.handler = async (event) => {\n  const { dir } = body(event);\n  cp.exec(`ls ${dir}`);\n};",
      settings: READ_BODY,
      errors: [
        {
          messageId: 'commandFromInput',
          data: { path: 'body()' },
          line: 5,
          column: 11,
          suggestions: [{ messageId: 'suggestExecFile', output: "const cp = require('child_process');\nconst { readBody: body } = require('./http.js');\nexports.handler = async (event) => {\n  const { dir } = body(event);\n  cp.execFile('ls', [dir]);\n};" }],
        },
      ],
    },
    {
      // Through a namespace import, called without the event: a source of the handler it runs in.
      code: "import * as http from './http.js';\nimport { exec } from 'child_process';\nexport const handler = async () => {\n  const request = http.readBody();\n  exec(request.command);\n};",
      settings: READ_BODY,
      errors: [{ messageId: 'commandFromInput', data: { path: 'http.readBody()' }, line: 5, column: 8, suggestions: [] }],
    },
    {
      // In a same-file function the handler calls.
      code: "import { readBody } from './http.js';\nimport { exec } from 'child_process';\nconst target = () => readBody().dir;\nexport const handler = async () => { exec(target()); };",
      settings: READ_BODY,
      errors: [{ messageId: 'commandFromInput', data: { path: 'readBody()' }, line: 4, column: 43, suggestions: [] }],
    },
    {
      // Without `module`, the path starts at a global.
      code: "const { exec } = require('child_process');\nexports.handler = async () => { exec(globalThis.request.body().cmd); };",
      settings: sources({ path: ['request', 'body'] }),
      errors: [{ messageId: 'commandFromInput', data: { path: 'globalThis.request.body()' }, line: 2, column: 38, suggestions: [] }],
    },
    {
      // A name an uploader chose is dangerous in a command line.
      code: "import { exec } from 'child_process';\nimport { uploadedName } from './s3.js';\nexport const handler = async (event) => { exec(uploadedName(event).cmd); };",
      settings: sources({ module: './s3.js', path: ['uploadedName'], trust: 'uploader' }),
      errors: [{ messageId: 'commandFromInput', data: { path: 'uploadedName()' }, line: 3, column: 48, suggestions: [] }],
    },
    {
      // `util.promisify(exec)` takes the same command line; Node's own docs write it this way.
      code: "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);\nexport const handler = async (event) => {\n  const { stdout } = await run(`git ls-remote ${JSON.parse(event.body).repo}`);\n  return { statusCode: 200, body: stdout };\n};",
      errors: [{ messageId: 'commandFromInput', line: 5, column: 32, suggestions: [] }],
    },
    {
      code: "const util = require('util');\nconst sh = util.promisify(require('child_process').exec);\nexports.handler = async (event) => { await sh('ls ' + event.queryStringParameters.dir); };",
      errors: [{ messageId: 'commandFromInput', line: 3, column: 47, suggestions: [] }],
    },
  ],
  tsInvalid: [
    {
      code: "import { exec } from 'node:child_process';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => { exec(`nslookup ${event.pathParameters!.host as string}`); };",
      errors: [{ messageId: 'commandFromInput', line: 3, column: 70, suggestions: [] }],
    },
    {
      // TypeScript: a typed call of a configured source, and a cast of its result.
      code: "import { exec } from 'child_process';\nimport { readBody } from './http.js';\nexport const handler = async (event: unknown) => {\n  const body = readBody<{ dir: string }>(event);\n  exec(`ls ${body.dir} ${(readBody(event) as { to: string }).to}`);\n};",
      settings: READ_BODY,
      errors: [{ messageId: 'commandFromInput', data: { path: 'readBody()' }, line: 5, column: 8, suggestions: [] }],
    },
  ],
});
