/**
 * Recall on the patterns of well-known intentionally vulnerable serverless apps (OWASP DVSA, OWASP ServerlessGoat,
 * serverless-prey, AWSGoat, Gatsby "serverless web flaws", the usual Lambda, Azure and GCP lab examples), written
 * as our own handlers in test/fixtures/vulnerable-apps/. Each file is linted with the shipped `recommended` config and
 * must give exactly the reports listed (line, rule, messageId): nothing missing, nothing extra. `strictAlso` lists
 * what `strict` adds (internal input, user enumeration, open APIs). The near misses in `clean/` (validated,
 * constant, fixed host, sanitised) must stay quiet under both configs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = fileURLToPath(new URL('../fixtures/vulnerable-apps/', import.meta.url));

type Expected = { recommended: string[]; strictAlso?: string[] };

/** `line rule messageId` for every report, by file (relative to the fixtures folder). */
const VULNERABLE: Record<string, Expected> = {
  // AWSGoat blog API: an image URL fetched through a helper, public-read upload, account-revealing login messages (strict).
  'awsgoat/blog-api.js': { recommended: ['8 no-ssrf addressFromInput', '17 no-unvalidated-event unvalidated', '20 no-public-storage publicAcl'], strictAlso: ['25 no-user-enumeration revealsAccount', '26 no-user-enumeration revealsField'] },
  // AWSGoat page: HTML from the package, not the caller (quiet).
  'awsgoat/react-page.js': { recommended: [] },
  'azure/download.js': { recommended: ['8 no-unvalidated-event unvalidated', '9 no-path-traversal pathFromInput'] },
  'azure/ping.js': { recommended: ['4 no-unvalidated-event unvalidated', '4 no-unvalidated-event unvalidated', '5 no-command-injection commandFromInput', '6 no-html-injection htmlFromInput', '6 no-unvalidated-event unvalidated'] },
  // DVSA admin shell: eval of a body field, a /tmp file named by the body.
  'dvsa/admin-shell.js': { recommended: ['5 no-unvalidated-event unvalidated', '7 no-dynamic-code eval', '8 no-path-traversal pathFromInput'] },
  // DVSA cart total: item ids from the JSON body concatenated into SQL.
  'dvsa/cart-total.js': { recommended: ['6 no-unvalidated-event unvalidated', '10 no-sql-injection sqlFromInput'] },
  // DVSA internal function invoked directly: its payload is the app's own (strict only).
  'dvsa/get-receipt.js': { recommended: [], strictAlso: ['5 no-unvalidated-event unvalidated'] },
  // DVSA order manager: node-serialize of the body and headers, a hand-decoded JWT (node-jose base64url), the invoked function named by the request, the whole event logged.
  'dvsa/order-manager.js': { recommended: ['6 no-sensitive-logging wholeInput', '7 no-unsafe-deserialization unsafeDeserializer', '7 no-unvalidated-event unvalidated', '8 no-unsafe-deserialization unsafeDeserializer', '8 no-unvalidated-event unvalidated', '10 no-unverified-jwt claimsUnverified', '13 no-direct-lambda-invoke functionFromInput'] },
  // DVSA receipts: the uploaded object key in a shell command.
  'dvsa/receipt-processor.js': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-command-injection commandFromInput'] },
  // DVSA roles: dynamodb:*, sts:* and ses:* on every resource.
  'dvsa/roles.ts': { recommended: ['8 no-wildcard-iam serviceWildcard', '9 no-wildcard-iam serviceWildcard'] },
  'express-lambda/app.js': { recommended: ['8 no-html-injection htmlFromInput', '8 no-unvalidated-event unvalidated', '11 no-open-redirect redirectFromInput', '11 no-unvalidated-event unvalidated', '13 no-error-leak errorLeak', '13 no-error-leak errorLeak'] },
  // Gatsby function: git log with a body field in a shell command.
  'gatsby-webflaws/git.js': { recommended: ['4 no-command-injection commandFromInput', '4 no-unvalidated-event unvalidated'] },
  // Gatsby function: a signing key in the source, and `none` among the accepted algorithms.
  'gatsby-webflaws/profile.ts': { recommended: ['5 no-hardcoded-secrets keyArgument', '5 no-unverified-jwt noneAlgorithm'] },
  // Gatsby function: node-fetch of a body URL.
  'gatsby-webflaws/update.js': { recommended: ['5 no-unvalidated-event unvalidated', '6 no-ssrf addressFromInput'] },
  'gcp/calc.js': { recommended: ['4 no-dynamic-code vmCode', '4 no-unvalidated-event unvalidated'] },
  'gcp/proxy.js': { recommended: ['5 no-ssrf addressFromInput', '5 no-unvalidated-event unvalidated'] },
  'infra/serverless.js': { recommended: ['7 no-wildcard-iam serviceWildcard', '8 no-wildcard-iam allActions'], strictAlso: ['11 no-unauthenticated-endpoint openApi'] },
  'infra/stack.ts': { recommended: ['10 no-wildcard-iam allActions', '11 no-public-storage publicReadAccess', '12 no-unauthenticated-endpoint publicFunctionUrl', '12 no-permissive-cors anyOrigin'] },
  'lambda/api-key.js': { recommended: ['2 no-timing-unsafe-compare timingUnsafe'] },
  'lambda/appsync-update.js': { recommended: ['8 no-unvalidated-event unvalidated', '9 no-nosql-injection dynamoExpressionFromInput'] },
  'lambda/code-eval.js': { recommended: ['2 no-unvalidated-event unvalidated', '3 no-dynamic-code functionConstructor'] },
  'lambda/cognito-trigger.js': { recommended: ['5 no-unvalidated-event unvalidated', '6 no-command-injection commandFromInput'] },
  'lambda/cors.js': { recommended: ['3 no-permissive-cors reflectedOrigin'] },
  'lambda/dynamo-filter.ts': { recommended: ['7 no-unvalidated-event unvalidated', '9 no-nosql-injection dynamoExpressionFromInput'] },
  'lambda/dynamo-scan-params.js': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-nosql-injection dynamoRequestFromInput'] },
  'lambda/error-leak.js': { recommended: ['5 no-error-leak errorLeak', '10 no-error-leak errorLeak', '10 no-error-leak envLeak'] },
  'lambda/exec-payload.js': { recommended: ['4 no-unvalidated-event unvalidated', '8 no-command-injection commandFromInput'] },
  'lambda/fetch-preview.js': { recommended: ['4 no-ssrf addressFromInput', '4 no-unvalidated-event unvalidated'] },
  'lambda/greeting-page.js': { recommended: ['2 no-unvalidated-event unvalidated', '4 no-html-injection htmlFromInput'] },
  'lambda/invoke-by-name.js': { recommended: ['7 no-direct-lambda-invoke functionFromInput'] },
  'lambda/jwt-decode.js': { recommended: ['5 no-unverified-jwt claimsUnverified'] },
  'lambda/logging.js': { recommended: ['3 no-sensitive-logging sensitiveValue', '4 no-sensitive-logging wholeHeaders', '5 no-sensitive-logging sensitiveValue'] },
  'lambda/login-messages.js': { recommended: [], strictAlso: ['6 no-user-enumeration revealsAccount', '7 no-user-enumeration revealsField'] },
  'lambda/mongo-login.js': { recommended: ['6 no-unvalidated-event unvalidated', '8 no-nosql-injection mongoFilterFromInput', '8 no-nosql-injection mongoFilterFromInput'] },
  'lambda/mongo-where.js': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-nosql-injection mongoWhere'] },
  'lambda/multi-value.js': { recommended: ['4 no-unvalidated-event unvalidated', '5 no-path-traversal pathFromInput'] },
  'lambda/partiql.js': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-sql-injection sqlFromInput'] },
  'lambda/pg-sort.ts': { recommended: ['7 no-unvalidated-event unvalidated', '8 no-unvalidated-event unvalidated', '9 no-sql-injection sqlFromInput'] },
  'lambda/plugin-loader.js': { recommended: ['2 no-dynamic-code moduleFromInput', '2 no-unvalidated-event unvalidated'] },
  'lambda/prisma.ts': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-sql-injection sqlFromInput'] },
  'lambda/query-builders.js': { recommended: ['7 no-unvalidated-event unvalidated', '8 no-sql-injection sqlFromInput', '9 no-sql-injection sqlFromInput'] },
  'lambda/redirect-v2.ts': { recommended: ['4 no-unvalidated-event unvalidated', '6 no-open-redirect redirectFromInput'] },
  'lambda/redirect.js': { recommended: ['2 no-unvalidated-event unvalidated', '3 no-open-redirect redirectFromInput'] },
  'lambda/regex-search.js': { recommended: ['2 no-regex-injection patternFromInput', '2 no-unvalidated-event unvalidated'] },
  'lambda/render-template.js': { recommended: ['4 no-unvalidated-event unvalidated', '5 no-dynamic-code templateFromInput'] },
  'lambda/reset-token.js': { recommended: ['5 no-insecure-randomness predictableSecret', '6 no-insecure-randomness predictableSecret', '7 no-weak-crypto passwordHash'] },
  'lambda/s3-download.js': { recommended: ['9 no-unvalidated-event unvalidated', '11 no-path-traversal pathFromInput'] },
  // An HTML search page whose content type is in a shared `const`, spread into the headers.
  'lambda/search-page.js': { recommended: ['4 no-unvalidated-event unvalidated', '6 no-html-injection htmlFromInput'] },
  'lambda/secrets.js': { recommended: ['4 no-hardcoded-secrets keyArgument', '5 no-hardcoded-secrets credential', '5 no-hardcoded-secrets credential', '6 no-hardcoded-secrets namedSecret', '9 no-hardcoded-secrets namedSecret'] },
  // An admin console: the caller's statement taken whole by a pg pool.
  'lambda/sql-console.js': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-sql-injection sqlFromInput'] },
  'lambda/sqs-transcode.js': { recommended: ['7 no-command-injection commandBuilt'], strictAlso: ['6 no-unvalidated-event unvalidated'] },
  'lambda/warm-cache.js': { recommended: ['6 no-module-scope-user-data moduleScopeWrite', '7 no-module-scope-user-data moduleScopeWrite'] },
  // The same converter behind a Function URL, with util.promisify(exec).
  'serverless-goat/convert-async.mjs': { recommended: ['8 no-unvalidated-event unvalidated', '10 no-command-injection commandFromInput'] },
  // Netlify Functions 2.0: the caller's URL fetched.
  'netlify/functions/preview.mjs': { recommended: ['3 no-unvalidated-event unvalidated', '4 no-ssrf addressFromInput'] },
  // Next.js route handler: a query parameter named `host` in a shell command, and a redirect to the caller's `next`.
  'nextjs/app/api/lookup/route.ts': { recommended: ['5 no-unvalidated-event unvalidated', '6 no-command-injection commandFromInput', '7 no-unvalidated-event unvalidated', '8 no-open-redirect redirectFromInput'] },
  // ServerlessGoat: curl of the caller's document URL through execSync, public-read output, the stack in the 500.
  'serverless-goat/convert.js': { recommended: ['6 no-unvalidated-event unvalidated', '7 no-command-injection commandFromInput', '9 no-public-storage publicAcl', '12 no-error-leak errorLeak'] },
  // serverless-prey Panther: a loose API-key check in a helper, a secret logged, a socket to the caller's host.
  'serverless-prey/panther.js': { recommended: ['5 no-timing-unsafe-compare timingUnsafe', '11 no-sensitive-logging sensitiveValue', '12 no-unvalidated-event unvalidated', '16 no-ssrf addressFromInput'] },
};

const CLEAN = [
  'clean/netlify/functions/hello.ts',
  'clean/careful-logging.js',
  'clean/dynamo-beside-sql.js',
  'clean/escaped-page.js',
  'clean/fixed-command.js',
  'clean/fixed-host.js',
  'clean/local-redirect.js',
  'clean/own-invoke-cache.js',
  'clean/own-templates.js',
  'clean/parameterised.js',
  'clean/scoped-cdk.ts',
  'clean/strong-crypto.js',
  'clean/timing-safe.js',
  'clean/upload-basename.js',
  'clean/validated-query.ts',
  'clean/verified-jwt.js',
];

function lint(file: string, config: 'recommended' | 'strict'): string[] {
  const linter = new Linter({ configType: 'flat' });
  const configs: Linter.Config[] = [
    { ...plugin.configs[config], files: ['**/*.{js,mjs,ts}'] } as Linter.Config,
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
  ];
  const messages = linter.verify(readFileSync(path.join(root, file), 'utf8'), configs, { filename: file });
  return messages.map((m) => `${m.line} ${(m.ruleId ?? `fatal: ${m.message}`).replace('serverless-security/', '')} ${m.messageId ?? ''}`.trim());
}

const byLine = (reports: string[]): string[] => [...reports].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));

describe('recall on vulnerable serverless apps', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(?:m?js|ts)$/.test(name)) files.push(path.relative(root, full).split(path.sep).join('/'));
      }
    };
    walk(root);
    expect(files.sort()).toEqual([...Object.keys(VULNERABLE), ...CLEAN].sort());
  });

  describe.each(Object.entries(VULNERABLE))('%s', (file, expected) => {
    it('recommended reports exactly the known mistakes', () => {
      expect(byLine(lint(file, 'recommended'))).toEqual(byLine(expected.recommended));
    });
    it('strict reports those and what it adds', () => {
      expect(byLine(lint(file, 'strict'))).toEqual(byLine([...expected.recommended, ...(expected.strictAlso ?? [])]));
    });
  });

  describe.each(CLEAN)('near miss %s', (file) => {
    it.each(['recommended', 'strict'] as const)('stays quiet under %s', (config) => {
      expect(lint(file, config)).toEqual([]);
    });
  });
});
