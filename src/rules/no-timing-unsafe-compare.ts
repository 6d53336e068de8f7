import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { cryptoNames, initialiserOf, isCredentialHeaderRead, isSecretLikeName } from '../analysis/credentials.js';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { calleeName, processEnvRead, propertyName, shortText, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ secretNames?: string[] }];
type MessageIds = 'timingUnsafe' | 'suggestTimingSafeEqual';
type Node = TSESTree.Node;

const CREATE_HMAC: ReferenceSpec<true> = {
  modules: { crypto: { createHmac: { [CALL]: true }, default: { createHmac: { [CALL]: true } } } },
};

/** Methods that hand a string on in another form: `sig.trim()`, `auth.replace('Bearer ', '')`, `buf.toString('hex')`. */
const STRING_METHODS = new Set(['trim', 'replace', 'slice', 'substring', 'substr', 'toString', 'toLowerCase', 'split', 'at']);

/** Values a comparison with which tells nothing about a secret: literals, `undefined`, `typeof x`, lengths. */
function isTrivial(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return true;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined' || value.name === 'NaN';
  if (value.type === AST_NODE_TYPES.UnaryExpression) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression) return ['length', 'size', 'byteLength'].includes(propertyName(value) ?? '');
  return false;
}

/** A side-effect-free expression that a suggestion may repeat: names, member chains, template literals of them. */
function isRepeatable(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression) return isRepeatable(value.object) && (!value.computed || value.property.type === AST_NODE_TYPES.Literal);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.every(isRepeatable);
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-timing-unsafe-compare',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow comparing secrets, tokens and signatures with request data by `===`',
      recommended: 'recommended',
      cwe: ['CWE-208'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          secretNames: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'More names whose values are secrets.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      timingUnsafe: '`{{operator}}` returns at the first differing character, so its timing leaks {{secret}} to the caller. Compare with `crypto.timingSafeEqual()`.',
      suggestTimingSafeEqual: 'Compare with `timingSafeEqual` after checking the byte lengths match.',
    },
  },
  defaultOptions: [{ secretNames: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const extra = new Set(options.secretNames ?? []);
    let hmacCalls: Set<Node> | undefined;
    const isHmacCall = (node: Node): boolean =>
      (hmacCalls ??= new Set(findReferences(sourceCode, CREATE_HMAC).map((ref) => ref.node))).has(node);

    /** `createHmac(…).update(body).digest('hex')`, or any call chained on `createHmac(…)`. */
    const isHmacDigest = (node: Node): boolean => {
      let receiver: Node = node;
      while (receiver.type === AST_NODE_TYPES.CallExpression) {
        if (isHmacCall(receiver)) return true;
        if (receiver.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        receiver = unwrap(receiver.callee.object);
      }
      return false;
    };

    /** Whether an expression holds a secret: a secret-named value, a secret environment variable, an HMAC digest. */
    const isSecret = (node: Node, depth = 0): boolean => {
      const value = unwrap(node);
      if (depth > 3) return false;
      const env = processEnvRead(value);
      if (env) return !env.whole && (extra.has(env.name) || isSecretLikeName(env.name));
      switch (value.type) {
        case AST_NODE_TYPES.Identifier: {
          if (extra.has(value.name) || isSecretLikeName(value.name)) return true;
          const init = initialiserOf(sourceCode, value);
          return !!init && isSecret(init, depth + 1);
        }
        case AST_NODE_TYPES.MemberExpression: {
          const name = propertyName(value);
          return !!name && (extra.has(name) || isSecretLikeName(name));
        }
        case AST_NODE_TYPES.TemplateLiteral:
          return value.expressions.some((e) => isSecret(e, depth + 1));
        case AST_NODE_TYPES.BinaryExpression:
          return value.operator === '+' && (isSecret(value.left, depth + 1) || isSecret(value.right, depth + 1));
        case AST_NODE_TYPES.AwaitExpression:
          return isSecret(value.argument, depth + 1);
        case AST_NODE_TYPES.CallExpression: {
          // `createHmac(…).update(body).digest('hex')`: the signature the request must carry.
          if (isHmacDigest(value)) return true;
          const name = calleeName(value.callee);
          if (name && /^(?:get|load|fetch|read)/.test(name) && isSecretLikeName(name)) return true;
          const method = value.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(value.callee) : null;
          return value.callee.type === AST_NODE_TYPES.MemberExpression && !!method && STRING_METHODS.has(method) && isSecret(value.callee.object, depth + 1);
        }
        default:
          return false;
      }
    };

    /** Whether an expression carries what the caller sent: handler input, or a credential header read directly. */
    const fromRequest = (node: Node, depth = 0): 'direct' | 'derived' | null => {
      const label = analyse(context).flow.labelOf(node);
      if (label && !label.whole) return label.derived ? 'derived' : 'direct';
      const value = unwrap(node);
      if (depth > 3) return null;
      if (isCredentialHeaderRead(value)) return 'direct';
      if (value.type === AST_NODE_TYPES.Identifier) {
        const init = initialiserOf(sourceCode, value);
        return init ? fromRequest(init, depth + 1) : null;
      }
      if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && STRING_METHODS.has(propertyName(value.callee) ?? '')) {
        return fromRequest(value.callee.object, depth + 1);
      }
      if (value.type === AST_NODE_TYPES.MemberExpression && value.computed && value.property.type === AST_NODE_TYPES.Literal) {
        return fromRequest(value.object, depth + 1); // `auth.split(' ')[1]`
      }
      return null;
    };

    const suggestion = (comparison: TSESTree.BinaryExpression, input: Node, secret: Node): TSESLint.ReportSuggestionArray<MessageIds> => {
      if (!isRepeatable(input) || !isRepeatable(secret)) return [];
      const names = cryptoNames(sourceCode);
      const imported = names.functions.get('timingSafeEqual') ?? (names.module ? `${names.module}.timingSafeEqual` : null);
      const importText = imported ? null : importStatement(sourceCode);
      if (!imported && !importText) return [];
      const a = sourceCode.getText(input);
      const b = sourceCode.getText(secret);
      const equal = `typeof ${a} === 'string' && Buffer.byteLength(${a}) === Buffer.byteLength(${b}) && ${imported ?? 'timingSafeEqual'}(Buffer.from(${a}), Buffer.from(${b}))`;
      const text = comparison.operator.startsWith('!') ? `!(${equal})` : `(${equal})`;
      return [
        {
          messageId: 'suggestTimingSafeEqual',
          fix: (fixer) => {
            const fixes = [fixer.replaceText(comparison, text)];
            if (importText) fixes.unshift(fixer.insertTextBefore(importText.before, importText.text));
            return fixes;
          },
        },
      ];
    };

    return {
      // Equality only, and never against a literal (`typeof x === 'string'`): the selector spares the other calls.
      "BinaryExpression[operator=/^[=!]==?$/]:not([left.type='Literal']):not([right.type='Literal'])"(node: TSESTree.BinaryExpression) {
        if (!['===', '!==', '==', '!='].includes(node.operator)) return;
        if (isTrivial(node.left) || isTrivial(node.right)) return;
        for (const [secret, input] of [[node.left, node.right], [node.right, node.left]] as const) {
          if (!isSecret(secret)) continue;
          const inputKind = fromRequest(input);
          if (!inputKind) continue;
          const secretKind = fromRequest(secret);
          if (secretKind === 'direct' || (secretKind === 'derived' && inputKind === 'derived')) continue;
          context.report({
            node,
            messageId: 'timingUnsafe',
            data: { operator: node.operator, secret: isHmacDigest(unwrap(secret)) ? 'the HMAC digest' : `\`${shortText(sourceCode, secret, 40)}\`` },
            suggest: suggestion(node, input, secret),
          });
          return;
        }
      },
    };
  },
});

/** Where and how to import `timingSafeEqual`: next to the file's first import, or its first top-level `require`. */
function importStatement(sourceCode: TSESLint.SourceCode): { before: Node; text: string } | null {
  const body = sourceCode.ast.body;
  const firstImport = body.find((s) => s.type === AST_NODE_TYPES.ImportDeclaration);
  if (firstImport) return { before: firstImport, text: "import { timingSafeEqual } from 'node:crypto';\n" };
  const isRequire = (init: Node | null): boolean => {
    const call = init && unwrap(init);
    return call?.type === AST_NODE_TYPES.CallExpression && calleeName(call.callee) === 'require';
  };
  const firstRequire = body.find((s) => s.type === AST_NODE_TYPES.VariableDeclaration && s.declarations.some((d) => isRequire(d.init)));
  if (firstRequire) return { before: firstRequire, text: "const { timingSafeEqual } = require('node:crypto');\n" };
  const isModule = body.some((s) => s.type === AST_NODE_TYPES.ExportNamedDeclaration || s.type === AST_NODE_TYPES.ExportDefaultDeclaration);
  return isModule && body[0] ? { before: body[0], text: "import { timingSafeEqual } from 'node:crypto';\n" } : null;
}
