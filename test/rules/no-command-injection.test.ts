import rule from '../../src/rules/no-command-injection.js';
import { testRule } from '../rule-tester.js';

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
  ],
  invalid: [
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
  ],
});
