import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { cryptoNames, isTestFile, isUnguessableName, readName } from '../analysis/credentials.js';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { randomDestination, type RandomDestination } from '../analysis/randomness.js';
import { propertyName, unwrap, valueParent } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ names?: string[]; checkTestFiles?: boolean }];
type MessageIds = 'predictableSecret' | 'suggestRandomInt' | 'suggestRandomUuid';
type Node = TSESTree.Node;

const MATH_RANDOM: ReferenceSpec<true> = { globals: { Math: { random: { [CALL]: true } } } };

const isIntegerLiteral = (node: Node): node is TSESTree.NumberLiteral =>
  node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' && Number.isSafeInteger(node.value);

/** A side-effect-free bound we may move into a call: `62`, `chars.length`, `max`. */
const isSimpleBound = (node: Node): boolean =>
  isIntegerLiteral(node) || node.type === AST_NODE_TYPES.Identifier || (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isSimpleBound(node.object));

/** The call a value is the receiver of: `x.toString(36)` for `x`. */
function methodCallOn(node: Node, methods: readonly string[]): TSESTree.CallExpression | null {
  const member = node.parent;
  const call = member?.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return null;
  return methods.includes(propertyName(member) ?? '') ? call : null;
}

interface Replacement {
  node: Node;
  text: string;
  messageId: 'suggestRandomInt' | 'suggestRandomUuid';
}

/**
 * The mechanical rewrites: `Math.floor(Math.random() * n) [+ m]` → `randomInt(…)` (only where the file imports
 * Node's crypto, which the Web Crypto global lacks), and `Math.random().toString(36)[.slice(…)]` → `randomUUID()`.
 */
function replacementFor(sourceCode: TSESLint.SourceCode, random: TSESTree.CallExpression): Replacement | null {
  const names = cryptoNames(sourceCode);
  const product = valueParent(random).parent;
  const floor = product?.parent;
  if (
    product?.type === AST_NODE_TYPES.BinaryExpression && product.operator === '*' &&
    floor?.type === AST_NODE_TYPES.CallExpression && floor.arguments[0] === product &&
    floor.callee.type === AST_NODE_TYPES.MemberExpression && readName(floor.callee.object) === 'Math' && propertyName(floor.callee) === 'floor'
  ) {
    const randomInt = names.functions.get('randomInt') ?? (names.module ? `${names.module}.randomInt` : null);
    const bound = unwrap(product.left === random ? product.right : product.left);
    if (!randomInt || !isSimpleBound(bound)) return null;
    const sum = floor.parent;
    const offset = sum?.type === AST_NODE_TYPES.BinaryExpression && sum.operator === '+' ? unwrap(sum.left === floor ? sum.right : sum.left) : null;
    if (offset && isIntegerLiteral(offset) && isIntegerLiteral(bound)) {
      return { node: sum!, text: `${randomInt}(${offset.value}, ${offset.value + bound.value})`, messageId: 'suggestRandomInt' };
    }
    return { node: floor, text: `${randomInt}(0, ${sourceCode.getText(bound)})`, messageId: 'suggestRandomInt' };
  }
  const toString = methodCallOn(random, ['toString']);
  if (toString && toString.arguments.length === 1 && unwrap(toString.arguments[0]!).type === AST_NODE_TYPES.Literal) {
    const cut = methodCallOn(toString, ['slice', 'substring', 'substr']) ?? toString;
    const randomUUID = names.functions.get('randomUUID') ?? `${names.module ?? 'globalThis.crypto'}.randomUUID`;
    return { node: cut, text: `${randomUUID}()`, messageId: 'suggestRandomUuid' };
  }
  return null;
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Math.random()` for tokens, codes, session ids, passwords, nonces and other secrets',
      recommended: 'recommended',
      cwe: ['CWE-338'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          names: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'More names whose values must be unguessable.' },
          checkTestFiles: { type: 'boolean', description: 'Also check tests, benchmarks and type tests.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      predictableSecret: '`Math.random()` is predictable, so `{{name}}` can be guessed. Generate it with `crypto.randomBytes()`, `crypto.randomInt()` or `crypto.randomUUID()`.',
      suggestRandomInt: 'Use `{{replacement}}`: uniform, from the secure generator.',
      suggestRandomUuid: 'Use `{{replacement}}` (122 random bits; the length and format change).',
    },
  },
  defaultOptions: [{ names: [], checkTestFiles: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    if (!options.checkTestFiles && isTestFile(context.filename)) return {};
    const extra = new Set(options.names ?? []);
    const isSecret = (name: string): boolean => extra.has(name) || isUnguessableName(name);
    return {
      'Program:exit'() {
        for (const ref of findReferences(sourceCode, MATH_RANDOM)) {
          if (ref.node.type !== AST_NODE_TYPES.CallExpression) continue;
          const destination: RandomDestination | null = randomDestination(sourceCode, ref.node, isSecret);
          if (!destination) continue;
          const replacement = replacementFor(sourceCode, ref.node);
          context.report({
            node: ref.node,
            messageId: 'predictableSecret',
            data: { name: destination.name },
            suggest: replacement
              ? [{ messageId: replacement.messageId, data: { replacement: replacement.text }, fix: (fixer) => fixer.replaceText(replacement.node, replacement.text) }]
              : [],
          });
        }
      },
    };
  },
});
