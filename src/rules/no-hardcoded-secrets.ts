import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  AWS_EXAMPLE_KEYS,
  AWS_SECRET_KEY,
  CONFIG_SECRET_KEYS,
  CREDENTIAL_FORMATS,
  envNameFor,
  findCredential,
  isConfigPlaceholder,
  isHighEntropyString,
  isKeyPlaceholder,
  isSecretName,
  looksLikeSecretValue,
} from '../analysis/secrets.js';
import { isTestFile } from '../analysis/credentials.js';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { concatenationOf, connectionConfigSecret, isStructural, nameOf } from '../analysis/secret-positions.js';
import { resolveVariable, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [
  {
    minLength?: number;
    minEntropy?: number;
    allowExampleKeys?: boolean;
    highEntropy?: boolean;
    ignoreNames?: string[];
    checkTestFiles?: boolean;
  },
];
type MessageIds = 'credential' | 'namedSecret' | 'highEntropy' | 'keyArgument' | 'cdkPlainSecret' | 'suggestEnv';

/** Calls whose argument at this index is a key: signing, verifying, encrypting, or a CDK secret in plain text. */
const KEY_ARGUMENT = (index: number) => ({ [CALL]: { index } }); // an object: the tracker skips falsy infos such as 0
const CDK_SECRET_VALUE = { SecretValue: { unsafePlainText: KEY_ARGUMENT(0), plainText: KEY_ARGUMENT(0) } };
const KEY_ARGUMENTS: ReferenceSpec<{ index: number }> = {
  modules: {
    jsonwebtoken: { sign: KEY_ARGUMENT(1), verify: KEY_ARGUMENT(1), default: { sign: KEY_ARGUMENT(1), verify: KEY_ARGUMENT(1) } },
    crypto: { createHmac: KEY_ARGUMENT(1), createCipheriv: KEY_ARGUMENT(1), createDecipheriv: KEY_ARGUMENT(1) },
    'aws-cdk-lib': CDK_SECRET_VALUE,
    '@aws-cdk/core': CDK_SECRET_VALUE,
  },
};

/** The string literal a key argument is written as: the argument itself, or the `const` it names. */
function writtenKey(sourceCode: TSESLint.SourceCode, argument: TSESTree.Node | undefined): TSESTree.Literal | TSESTree.TemplateLiteral | null {
  let value = argument && unwrap(argument);
  if (value?.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(sourceCode, value)?.defs[0];
    const declarator = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node : null;
    const isConst = declarator?.parent?.type === AST_NODE_TYPES.VariableDeclaration && declarator.parent.kind === 'const';
    value = isConst && declarator?.init ? unwrap(declarator.init) : undefined;
  }
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value;
  if (value?.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value;
  return null;
}

/** Names whose long random values are fingerprints or identifiers, not keys (for the high-entropy check). */
const FINGERPRINT_NAME = /hash|sha\d*|digest|checksum|etag|integrity|uuid|guid|\bid$|Id$|ids$|nonce|fingerprint|hex|base64|image|icon|svg|font|data|sample|fixture|expected|snapshot|cursor/i;

const AWS_KEY_ID = CREDENTIAL_FORMATS.find((f) => f.id === 'aws-access-key-id')!.pattern;

/** A short string under a connection config's secret key (`password: 'pw'`), bare or quoted; `N` is the longest length. */
const SECRET_KEY = `/^(?:${[...CONFIG_SECRET_KEYS].join('|')})$/i`;
const SHORT_CONFIG_SECRET = ['name', 'value'].map((key) => `Property[key.${key}=${SECRET_KEY}] > Literal.value[value=/^[^]{0,N}$/]`).join(', ');

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow credentials, keys, tokens and passwords written into source code',
      recommended: 'recommended',
      cwe: ['CWE-798'],
      strictOptions: { highEntropy: true },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minLength: { type: 'integer', minimum: 1, description: 'Shortest value reported for a secret-named variable or property.' },
          minEntropy: { type: 'number', minimum: 0, description: 'Least Shannon entropy (bits per character) reported for a secret-named value.' },
          allowExampleKeys: { type: 'boolean', description: "Accept the keys AWS documents as examples (AKIAIOSFODNN7EXAMPLE…)." },
          highEntropy: { type: 'boolean', description: 'Also report any long, random-looking string, whatever its name.' },
          ignoreNames: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Variable or property names never treated as secret.' },
          checkTestFiles: { type: 'boolean', description: 'Also check tests, benchmarks and type tests (their credentials are usually fixtures).' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      credential: '{{kind}} in source, readable by anyone with the repository: {{rotate}}, then load it from a secret store.',
      namedSecret: '`{{name}}` holds a hard-coded secret, readable by anyone with the repository. Rotate it and load it from a secret store or the environment.',
      highEntropy: 'This random-looking string may be a secret: if so, rotate it and load it from a secret store; if a hash or an id, name it so (`…Hash`, `…Id`).',
      keyArgument: 'The key given to `{{api}}` is in the source: anyone with the repository can sign or decrypt as this function. Rotate it; load it from a secret store.',
      cdkPlainSecret: "`SecretValue.{{method}}()` puts this secret in the repository and the template. Use `SecretValue.secretsManager()` or `ssmSecure()`, and rotate it.",
      suggestEnv: 'Read it from `process.env.{{envName}}` (set from a secret store).',
    },
  },
  defaultOptions: [{ minLength: 8, minEntropy: 3, allowExampleKeys: false, highEntropy: false, ignoreNames: [], checkTestFiles: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    if (!options.checkTestFiles && isTestFile(context.filename)) return {};
    const minLength = options.minLength ?? 8;
    const minEntropy = options.minEntropy ?? 3;
    const ignored = new Set(options.ignoreNames ?? []);
    let fileHasAwsKeyId: boolean | undefined;
    const nextToAwsKeyId = (): boolean => (fileHasAwsKeyId ??= AWS_KEY_ID.test(sourceCode.text));

    const suggestion = (node: TSESTree.Node, envName: string): TSESLint.ReportSuggestionArray<MessageIds> => {
      if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length > 0) return [];
      const inJsx = node.parent?.type === AST_NODE_TYPES.JSXAttribute;
      const replacement = inJsx ? `{process.env.${envName}}` : `process.env.${envName}`;
      return [{ messageId: 'suggestEnv', data: { envName }, fix: (fixer) => fixer.replaceText(node, replacement) }];
    };

    // Nothing shorter than this can be reported (formats need 16 characters or more), so most strings stop here.
    const shortest = Math.min(minLength, 16);
    // Strings already reported, or accepted through an option: the key-argument check leaves them alone.
    const settled = new Set<TSESTree.Node>();
    /** Reports `node` if it holds a secret; true when the string is settled (reported, or accepted by an option). */
    const check = (node: TSESTree.Literal | TSESTree.TemplateLiteral, text: string): boolean => {
      const configKey = connectionConfigSecret(node);
      if (configKey && !ignored.has(configKey)) {
        if (isConfigPlaceholder(text) || findCredential(text)) return false; // a catalogued format is reported as such below
        context.report({ node, messageId: 'namedSecret', data: { name: configKey }, suggest: suggestion(node, envNameFor(configKey)) });
        return true;
      }
      if (text.length < shortest || isStructural(node)) return false;
      const name = nameOf(node);
      if (name && ignored.has(name)) return true;

      const credential = findCredential(text);
      if (credential && !(options.allowExampleKeys && AWS_EXAMPLE_KEYS.has(credential.text))) {
        const envName = name && isSecretName(name) ? envNameFor(name) : credential.format.envName;
        context.report({
          node,
          messageId: 'credential',
          data: { kind: credential.format.name, rotate: credential.format.rotate },
          suggest: suggestion(node, envName),
        });
        return true;
      }
      const secretName = !!name && isSecretName(name);
      if (AWS_SECRET_KEY.test(text) && (secretName || nextToAwsKeyId())) {
        if (options.allowExampleKeys && AWS_EXAMPLE_KEYS.has(text)) return true;
        context.report({
          node,
          messageId: 'credential',
          data: { kind: 'AWS secret access key', rotate: 'deactivate it in IAM; prefer the function role' },
          suggest: suggestion(node, name && secretName ? envNameFor(name) : 'AWS_SECRET_ACCESS_KEY'),
        });
        return true;
      }
      if (secretName && looksLikeSecretValue(text, { minLength, minEntropy })) {
        context.report({ node, messageId: 'namedSecret', data: { name }, suggest: suggestion(node, envNameFor(name)) });
        return true;
      }
      if (options.highEntropy && isHighEntropyString(text) && !(name && FINGERPRINT_NAME.test(name))) {
        context.report({ node, messageId: 'highEntropy' });
        return true;
      }
      return false;
    };

    // A key split over lines (`'-----BEGIN PRIVATE KEY-----\n' + 'MIIE…' + …`) is one secret: one report, on the whole.
    const concatenations = new Map<TSESTree.Node, boolean>();
    const inReportedConcatenation = (node: TSESTree.Literal | TSESTree.TemplateLiteral): boolean => {
      const whole = concatenationOf(node);
      if (!whole) return false;
      let reported = concatenations.get(whole.root);
      if (reported === undefined) {
        const credential = findCredential(whole.text);
        reported = credential?.format.id === 'private-key';
        if (reported) {
          const name = nameOf(whole.root);
          const envName = name && isSecretName(name) ? envNameFor(name) : credential!.format.envName;
          context.report({ node: whole.root, messageId: 'credential', data: { kind: credential!.format.name, rotate: credential!.format.rotate }, suggest: suggestion(whole.root, envName) });
          for (const piece of whole.pieces) settled.add(piece);
        }
        concatenations.set(whole.root, reported);
      }
      return reported;
    };

    return {
      'Program:exit'() {
        // A key in a key position is a secret whatever its name, length or entropy: `jwt.sign(claims, 'secret')`.
        for (const ref of findReferences(sourceCode, KEY_ARGUMENTS)) {
          if (ref.node.type !== AST_NODE_TYPES.CallExpression) continue;
          const literal = writtenKey(sourceCode, ref.node.arguments[ref.info.index]);
          if (!literal || settled.has(literal)) continue;
          const text = literal.type === AST_NODE_TYPES.Literal ? String(literal.value) : (literal.quasis[0]?.value.cooked ?? '');
          if (isKeyPlaceholder(text)) continue;
          const api = ref.path.filter((segment) => segment !== 'default').join('.').replace(/^node:/, '');
          if (ref.path.includes('SecretValue')) {
            // An environment variable would be baked into the synthesized template just the same: no suggestion.
            context.report({ node: literal, messageId: 'cdkPlainSecret', data: { method: ref.path.at(-1) ?? '' } });
          } else {
            const envName = api.startsWith('jsonwebtoken') ? 'JWT_SECRET' : 'SECRET_KEY';
            context.report({ node: literal, messageId: 'keyArgument', data: { api }, suggest: suggestion(literal, envName) });
          }
        }
      },
      // Strings long enough to report, and the short ones a connection config's password may hold: the selectors
      // spare the rule a call for every other literal of the file.
      [`Literal[value=/^[^]{${shortest},}$/], ${SHORT_CONFIG_SECRET.replaceAll('N', String(shortest - 1))}`](node: TSESTree.StringLiteral) {
        if (typeof node.value === 'string' && !inReportedConcatenation(node) && check(node, node.value)) settled.add(node);
      },
      TemplateLiteral(node) {
        if (node.parent?.type === AST_NODE_TYPES.TaggedTemplateExpression || inReportedConcatenation(node)) return;
        if (check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('${…}'))) settled.add(node);
      },
    };
  },
});
