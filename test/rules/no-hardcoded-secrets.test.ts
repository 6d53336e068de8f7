import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { CREDENTIAL_FORMATS } from '../../src/analysis/secrets.js';
import rule from '../../src/rules/no-hardcoded-secrets.js';
import { testRule } from '../rule-tester.js';

// Real-shaped values are assembled at run time, so this file holds no string a secret scanner would flag.
const chars = (n: number, alphabet = 'aB3dE5gH7jK9mN2pQ4sT6vW8yZ'): string =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const hex = (n: number): string => chars(n, '0123456789abcdef');

/** Every catalogue entry: a real-shaped hit and a near miss. */
const CATALOGUE: Record<string, { hit: string; miss: string }> = {
  'aws-access-key-id': { hit: 'AKIA' + 'Z7QW3RT5YU2IOP4A', miss: 'AKIA' + 'Z7QW3RT5YU2IOP4' },
  'github-token': { hit: 'ghp_' + chars(36), miss: 'ghp_' + chars(20) },
  'gitlab-token': { hit: 'glpat-' + chars(20), miss: 'glpat-' + chars(8) },
  'slack-token': { hit: 'xoxb-' + '123456789012-' + '1234567890123-' + chars(24), miss: 'xoxz-' + '123456789012-' + chars(24) },
  'slack-webhook': {
    hit: 'https://hooks.slack.com/services/' + 'T0123ABCD/' + 'B0123ABCD/' + chars(24),
    miss: 'https://hooks.slack.com/services/' + 'T0123ABCD',
  },
  'stripe-live-key': { hit: 'sk_' + 'live_' + chars(24), miss: 'sk_' + 'test_' + chars(24) },
  'google-api-key': { hit: 'AIza' + chars(35), miss: 'AIza' + chars(30) },
  'private-key': { hit: '-----BEGIN RSA ' + 'PRIVATE KEY-----\\nMIIEowIBAAKCAQEA', miss: '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqh' },
  jwt: {
    hit: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + chars(43),
    miss: 'eyJhbGciOiJIUzI1NiJ9' + '.not-a-token',
  },
  'npm-token': { hit: 'npm_' + chars(36), miss: 'npm_' + 'install-all-the-things' },
  'sendgrid-key': { hit: 'SG.' + chars(22) + '.' + chars(43), miss: 'SG.' + chars(10) + '.' + chars(10) },
  'twilio-key': { hit: 'SK' + hex(32), miss: 'SK' + hex(31) },
  'openai-key': { hit: 'sk-' + 'proj-' + chars(48), miss: 'sk-' + 'tiny' },
  'anthropic-key': { hit: 'sk-' + 'ant-api03-' + chars(90), miss: 'sk-' + 'ant-' + chars(10) },
};

const catalogueHits: InvalidTestCase<'credential' | 'namedSecret' | 'highEntropy' | 'suggestEnv', NonNullable<typeof rule.defaultOptions>>[] = CREDENTIAL_FORMATS.map((format) => ({
  code: `const value = '${CATALOGUE[format.id]!.hit}';`,
  errors: [
    {
      messageId: 'credential',
      data: { kind: format.name, rotate: format.rotate },
      line: 1,
      column: 15,
      suggestions: [{ messageId: 'suggestEnv', data: { envName: format.envName }, output: `const value = process.env.${format.envName};` }],
    },
  ],
}));

const awsSecret = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYzq81mW5tN3';
const awsKeyId = 'AKIA' + 'Z7QW3RT5YU2IOP4A';

testRule('no-hardcoded-secrets', rule, {
  valid: [
    // A feature flag named after credentials (aws-cdk-lib's cx-api).
    "export const RDS_PREVENT_RENDERING_DEPRECATED_CREDENTIALS = '@aws-cdk/aws-rds:preventRenderingDeprecatedCredentials';",
    // Keys read at run time, test fixtures and template markers in key positions.
    "import jwt from 'jsonwebtoken'; jwt.sign(claims, process.env.JWT_SECRET);",
    "import jwt from 'jsonwebtoken'; jwt.verify(token, await getSigningKey());",
    "import jwt from 'jsonwebtoken'; jwt.sign(claims, 'test-secret');",
    "import jwt from 'jsonwebtoken'; jwt.sign(claims, '<your signing key>');",
    "import { createHmac } from 'crypto'; createHmac('sha256', secretFromSsm);",
    // The algorithm argument, not the key; and a `let` that may be replaced before use.
    "import { createHash } from 'crypto'; createHash('sha256');",
    "import jwt from 'jsonwebtoken'; let key = 'k'; key = await load(); jwt.sign(claims, key);",
    // A name the team told the rule to ignore covers the key position too.
    { code: "import jwt from 'jsonwebtoken'; const localDevKey = 'dev-only-signing-key'; jwt.sign(claims, localDevKey);", options: [{ ignoreNames: ['localDevKey'] }] },
    // A sign() that is not jsonwebtoken's.
    "import { sign } from './signer.js'; sign(claims, 'secret');",
    // Near misses of every catalogue entry.
    ...Object.values(CATALOGUE).map(({ miss }) => `const value = '${miss}';`),
    // Environment variables, names of environment variables, placeholders.
    'const password = process.env.DB_PASSWORD;',
    "const password = 'DB_PASSWORD';",
    "const apiKey = '<your-api-key>';",
    "const token = 'changeme';",
    "const secret = 'xxxxxxxxxxxx';",
    "const clientSecret = '${CLIENT_SECRET}';",
    "const password = '';",
    "const config = { password: 'postgres' };",
    // Names that mention a secret but hold something else.
    "const tokenCount = 'abcdefgh12345678';",
    "const passwordPolicy = 'min-12-chars-Upper+digit';",
    "const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf';",
    "const secretName = 'prod/orders/db';",
    "const nextToken = 'eyZ0aGlzIGlzIGEgcGFnZQ9';",
    "const passwordLabel = 'Enter your password';",
    "const tokenUrl = 'https://auth.example.com/oauth2/token';",
    // Messages and URLs in secret-named slots.
    "const password = 'Your password must be at least twelve characters';",
    "const apiKey = 'https://vault.internal/v1/secret/data/api';",
    // Connection strings without a password, or with a placeholder or an expression.
    "const url = 'postgres://app@db.internal:5432/orders';",
    "const url = 'postgres://user:password@localhost:5432/dev';",
    'const url = `postgres://app:${process.env.DB_PASSWORD}@db.internal/orders`;',
    // Hashes, UUIDs, data URLs, import paths, regular expressions.
    "const etag = 'd41d8cd98f00b204e9800998ecf8427e';",
    "const integrity = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';",
    "const id = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';",
    "const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';",
    "import { secretKey } from './config/secret-key-provider-abcdefgh.js';",
    'const pattern = /AKIA[A-Z2-7]{16}/;',
    // The AWS documentation keys, when allowed.
    { code: "const creds = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };", options: [{ allowExampleKeys: true }] },
    // Names the user excludes.
    { code: "const sessionToken = 'k8Hq2mZp4Lx9Vr7T';", options: [{ ignoreNames: ['sessionToken'] }] },
    // High-entropy strings are only reported when asked, and never for fingerprints.
    `const blob = '${chars(48)}';`,
    { code: `const contentHash = '${chars(48)}';`, options: [{ highEntropy: true }] },
    // Resource identifiers, secret names and placeholders under secret names.
    "const encryptionKey = 'alias/orders-prod-key';",
    "const apiKey = 'projects/shop-prod/secrets/stripe-api-key/versions/latest';",
    "const mySecretName = 'prod-db-credentials-2024xyz';",
    "export const SECRET_ARN = 'prod-db-credentials-2024xyz';",
    "const apiSecret = '00000000-0000-0000-0000-000000000000';",
    "const x = { token: '@rematch', next: '@pop' };",
    // Connection configs whose password is a placeholder, a marker, an environment variable's name or absent.
    "const db = { host: 'db.internal', user: 'app', password: 'notused' };",
    "const db = { username: 'app', host: 'db.internal', password: '<password>' };",
    "const db = { user: 'app', host: 'db.internal', password: '${DB_PASSWORD}' };",
    "const db = { user: 'app', host: 'db.internal', password: 'DB_PASSWORD' };",
    "const db = { user: 'app', host: 'db.internal', password: process.env.DB_PASSWORD };",
    "const cfg = { clientId: 'orders-app', apiKey: 'your-api-key' };",
    "const cfg = { clientId: 'orders-app', clientSecret: 'sk_...' };",
    "const logSecret = { ...secret, username: secret.username, password: '*********' };",
    // A password key outside a connection config, short and simple, stays with the name rules.
    "const form = { label: 'Password', password: 'hunter' };",
    // A PEM header alone is a formatter's constant; the key body comes from elsewhere.
    "const header = '-----BEGIN PRIVATE KEY-----';",
    "const pem = '-----BEGIN PRIVATE KEY-----\\n' + process.env.KEY_BODY + '\\n-----END PRIVATE KEY-----';",
    // Tests, benchmarks and type tests hold fixtures.
    { code: "const apiSecret = '3f2b9c1a-7d4e-4b8f-9a6c-2e1d0f5b7c3a';", filename: 'src/handler.test.ts' },
    { code: "const db = { host: 'localhost', user: 'app', password: 'app' };", filename: 'src/__tests__/db.js' },
    { code: "const token = 'k8Hq2mZp4Lx9Vr7T';", filename: 'bench/auth.perf.ts' },
    { code: "const token = 'k8Hq2mZp4Lx9Vr7T';", filename: 'types/auth.tst.ts' },
  ],
  invalid: [
    ...catalogueHits,
    {
      // A signing key is a secret whatever its length or name.
      code: "import jwt from 'jsonwebtoken';\nexport const token = jwt.sign({ sub: user.id }, 'secret');",
      errors: [
        {
          messageId: 'keyArgument',
          line: 2,
          column: 49,
          data: { api: 'jsonwebtoken.sign' },
          suggestions: [{ messageId: 'suggestEnv', output: "import jwt from 'jsonwebtoken';\nexport const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);" }],
        },
      ],
    },
    {
      // Through a constant: reported where the key is written.
      code: "const { verify } = require('jsonwebtoken');\nconst KEY = 'hunter2';\nverify(token, KEY);",
      errors: [
        {
          messageId: 'keyArgument',
          line: 2,
          column: 13,
          suggestions: [{ messageId: 'suggestEnv', output: "const { verify } = require('jsonwebtoken');\nconst KEY = process.env.JWT_SECRET;\nverify(token, KEY);" }],
        },
      ],
    },
    {
      code: "import { createHmac } from 'node:crypto';\nconst signature = createHmac('sha256', `webhook-key`).update(body).digest('hex');",
      errors: [
        {
          messageId: 'keyArgument',
          line: 2,
          column: 40,
          data: { api: 'crypto.createHmac' },
          suggestions: [{ messageId: 'suggestEnv', output: "import { createHmac } from 'node:crypto';\nconst signature = createHmac('sha256', process.env.SECRET_KEY).update(body).digest('hex');" }],
        },
      ],
    },
    {
      code: "import { SecretValue } from 'aws-cdk-lib';\nnew rds.DatabaseInstance(this, 'Db', { credentials: rds.Credentials.fromPassword('admin', SecretValue.unsafePlainText('Pa55w0rd!')) });",
      errors: [
        {
          messageId: 'cdkPlainSecret',
          line: 2,
          column: 119,
          data: { method: 'unsafePlainText' },
        },
      ],
    },
    {
      // Reported once: the named-secret check already has this one.
      code: "import jwt from 'jsonwebtoken';\nconst jwtSecret = 'q8Z!r2Lw9#xT';\njwt.sign(claims, jwtSecret);",
      errors: [{ messageId: 'namedSecret', line: 2, column: 19, suggestions: [{ messageId: 'suggestEnv', output: "import jwt from 'jsonwebtoken';\nconst jwtSecret = process.env.JWT_SECRET;\njwt.sign(claims, jwtSecret);" }] }],
    },
    {
      code: "const dbPassword = 'Zx9-qPw7!mK2';",
      errors: [
        {
          messageId: 'namedSecret',
          data: { name: 'dbPassword' },
          line: 1,
          column: 20,
          suggestions: [{ messageId: 'suggestEnv', data: { envName: 'DB_PASSWORD' }, output: 'const dbPassword = process.env.DB_PASSWORD;' }],
        },
      ],
    },
    {
      code: "const client = new Client({ clientId: 'orders', clientSecret: 'q8Lz3Vw1Tn6Rk9Pm' });",
      errors: [
        {
          messageId: 'namedSecret',
          data: { name: 'clientSecret' },
          line: 1,
          column: 63,
          suggestions: [
            { messageId: 'suggestEnv', output: "const client = new Client({ clientId: 'orders', clientSecret: process.env.CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: "fetch(url, { headers: { Authorization: 'Bearer 9f8Kq2LmZx7Wv4Tn3Rp1' } });",
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          column: 40,
          suggestions: [{ messageId: 'suggestEnv', output: 'fetch(url, { headers: { Authorization: process.env.AUTHORIZATION } });' }],
        },
      ],
    },
    {
      code: "function connect(password = 'Tr0ub4dor&3x') {}",
      errors: [{ messageId: 'namedSecret', line: 1, column: 29, suggestions: [{ messageId: 'suggestEnv', output: 'function connect(password = process.env.PASSWORD) {}' }] }],
    },
    {
      code: "config.apiKey = 'a81Kd92Lq0Zm';",
      errors: [{ messageId: 'namedSecret', line: 1, column: 17, suggestions: [{ messageId: 'suggestEnv', output: 'config.apiKey = process.env.API_KEY;' }] }],
    },
    {
      code: "if (password === 'Sup3r-S3cret!') login();",
      errors: [{ messageId: 'namedSecret', line: 1, column: 18, suggestions: [{ messageId: 'suggestEnv', output: 'if (password === process.env.PASSWORD) login();' }] }],
    },
    {
      // AWS secret key next to an access key ID, even under a harmless name.
      code: `const a = '${awsKeyId}';\nconst b = '${awsSecret}';`,
      errors: [
        { messageId: 'credential', line: 1, column: 11, suggestions: [{ messageId: 'suggestEnv', output: `const a = process.env.AWS_ACCESS_KEY_ID;\nconst b = '${awsSecret}';` }] },
        { messageId: 'credential', line: 2, column: 11, suggestions: [{ messageId: 'suggestEnv', output: `const a = '${awsKeyId}';\nconst b = process.env.AWS_SECRET_ACCESS_KEY;` }] },
      ],
    },
    {
      code: `const secretAccessKey = '${awsSecret}';`,
      errors: [{ messageId: 'credential', line: 1, column: 25, suggestions: [{ messageId: 'suggestEnv', output: 'const secretAccessKey = process.env.SECRET_ACCESS_KEY;' }] }],
    },
    {
      // The documentation keys are reported unless allowed: they are often the first step before a real key.
      code: "const id = 'AKIAIOSFODNN7EXAMPLE';",
      errors: [{ messageId: 'credential', line: 1, column: 12, suggestions: [{ messageId: 'suggestEnv', output: 'const id = process.env.AWS_ACCESS_KEY_ID;' }] }],
    },
    {
      // Credentials inside a connection string, also in a template literal; no suggestion when it has expressions.
      code: 'const url = `mongodb+srv://orders:Qm7x2Lk9Pz@${host}/orders`;',
      errors: [
        {
          messageId: 'credential',
          data: { kind: 'password in a connection string', rotate: 'change the password' },
          line: 1,
          column: 13,
          suggestions: [],
        },
      ],
    },
    {
      code: "const redis = createClient({ url: 'redis://:Kp9v2Lx7Qm3z@cache.internal:6379' });",
      errors: [{ messageId: 'credential', line: 1, column: 35, suggestions: [{ messageId: 'suggestEnv', output: 'const redis = createClient({ url: process.env.REDIS_URL });' }] }],
    },
    {
      code: `const blob = '${chars(48)}';`,
      options: [{ highEntropy: true }],
      errors: [{ messageId: 'highEntropy', line: 1, column: 14 }],
    },
    {
      // A connection config: short, simple passwords count.
      code: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'orders.cluster-x.rds.amazonaws.com', user: 'app', database: 'orders', password: 'orders1' });",
      errors: [
        {
          messageId: 'namedSecret',
          data: { name: 'password' },
          line: 2,
          column: 119,
          suggestions: [{ messageId: 'suggestEnv', output: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'orders.cluster-x.rds.amazonaws.com', user: 'app', database: 'orders', password: process.env.PASSWORD });" }],
        },
      ],
    },
    {
      code: "const sql = require('mssql');\nawait sql.connect({ server: 'sql.internal', user: 'sa', pwd: 'Sa12', database: 'shop' });",
      errors: [{ messageId: 'namedSecret', data: { name: 'pwd' }, line: 2, column: 62, suggestions: [{ messageId: 'suggestEnv', output: "const sql = require('mssql');\nawait sql.connect({ server: 'sql.internal', user: 'sa', pwd: process.env.PWD, database: 'shop' });" }] }],
    },
    {
      code: "const auth = new AuthClient({ clientId: 'orders-app', clientSecret: 'abc123' });",
      errors: [{ messageId: 'namedSecret', data: { name: 'clientSecret' }, line: 1, column: 69, suggestions: [{ messageId: 'suggestEnv', output: "const auth = new AuthClient({ clientId: 'orders-app', clientSecret: process.env.CLIENT_SECRET });" }] }],
    },
    {
      // A UUID or hex token under a secret name, whatever its entropy.
      code: "export const apiSecret = 'f2b9c1a7-7d4e-4b8f-9a6c-2e1d0f5b7c3a';",
      errors: [{ messageId: 'namedSecret', data: { name: 'apiSecret' }, line: 1, column: 26, suggestions: [{ messageId: 'suggestEnv', output: 'export const apiSecret = process.env.API_SECRET;' }] }],
    },
    {
      code: "const config = { secretKey: 'a1b2c3d4e5f6a7b8' };",
      errors: [{ messageId: 'namedSecret', data: { name: 'secretKey' }, line: 1, column: 29, suggestions: [{ messageId: 'suggestEnv', output: 'const config = { secretKey: process.env.SECRET_KEY };' }] }],
    },
    {
      // A private key in a template literal, and one split over a concatenation: one report each.
      code: "const privateKey = `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7sQ2mZp4Lx9Vr7T\n-----END RSA PRIVATE KEY-----`;",
      errors: [{ messageId: 'credential', line: 1, column: 20, suggestions: [{ messageId: 'suggestEnv', output: 'const privateKey = process.env.PRIVATE_KEY;' }] }],
    },
    {
      code: "const signingKey =\n  '-----BEGIN PRIVATE KEY-----\\n' +\n  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7x9s8d7f6g5h4\\n' +\n  'j3k2l1mnbvcxzasdfghjklqwertyuiop1234567890abcdefghij\\n' +\n  '-----END PRIVATE KEY-----';",
      errors: [{ messageId: 'credential', line: 2, column: 3, suggestions: [{ messageId: 'suggestEnv', output: 'const signingKey =\n  process.env.SIGNING_KEY;' }] }],
    },
    {
      code: "const db = { host: 'localhost', user: 'app', password: 'app' };",
      filename: 'src/db.test.js',
      options: [{ checkTestFiles: true }],
      errors: [{ messageId: 'namedSecret', line: 1, column: 56, suggestions: [{ messageId: 'suggestEnv', output: "const db = { host: 'localhost', user: 'app', password: process.env.PASSWORD };" }] }],
    },
  ],
  tsValid: [
    "type Secret = 'AKIAIOSFODNN7EXAMPLE';",
    "interface Creds { password: 'Zx9-qPw7!mK2' }",
    "const x = <Widget apiKey={process.env.KEY} />;",
  ],
  tsInvalid: [
    {
      code: "class Db { private readonly password: string = 'Zx9-qPw7!mK2'; }",
      errors: [{ messageId: 'namedSecret', line: 1, column: 48, suggestions: [{ messageId: 'suggestEnv', output: 'class Db { private readonly password: string = process.env.PASSWORD; }' }] }],
    },
    {
      code: "const el = <Maps apiKey=\"q8Lz3Vw1Tn6Rk9Pm\" />;",
      errors: [{ messageId: 'namedSecret', line: 1, column: 25, suggestions: [{ messageId: 'suggestEnv', output: 'const el = <Maps apiKey={process.env.API_KEY} />;' }] }],
    },
    {
      code: "const key = ('Zx9-qPw7!mK2' as string);\nconst token: string = 'Zx9-qPw7!mK2';",
      errors: [{ messageId: 'namedSecret', line: 2, column: 23, suggestions: [{ messageId: 'suggestEnv', output: "const key = ('Zx9-qPw7!mK2' as string);\nconst token: string = process.env.TOKEN;" }] }],
    },
  ],
});
