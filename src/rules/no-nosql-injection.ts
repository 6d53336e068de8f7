import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { builtString } from '../analysis/strings.js';
import { calleeName, keyName, propertyName, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'dynamoExpressionFromInput' | 'dynamoExpressionBuilt' | 'mongoFilterFromInput' | 'mongoWhere';

const DYNAMO_EXPRESSIONS = new Set(['KeyConditionExpression', 'FilterExpression', 'UpdateExpression', 'ConditionExpression', 'ProjectionExpression']);
/** MongoDB and Mongoose methods whose first argument is a filter. */
const MONGO_FILTER_METHODS = new Set([
  'find', 'findOne', 'findById', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'updateOne', 'updateMany',
  'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'count', 'distinct', 'exists', 'where', 'remove',
]);

const COERCIONS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'Boolean', 'ObjectId', 'toString', 'Types.ObjectId']);

/**
 * `:${name}` / `#${name}` build placeholder names, a normal way to assemble an update from a list of fields;
 * `parts.join(', ')` is the same pattern with an array. Only values mixed in otherwise are reported.
 */
function mixesValues(values: TSESTree.Node[], text: string): boolean {
  return values.some((value) => {
    const before = text.split('?')[values.indexOf(value)] ?? '';
    if (/[:#]$/.test(before)) return false;
    const v = unwrap(value);
    return !(v.type === AST_NODE_TYPES.CallExpression && calleeName(v.callee) === 'join');
  });
}

export default createRule<[], MessageIds>({
  name: 'no-nosql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow DynamoDB expressions built from values and MongoDB filters taken whole from input',
      recommended: 'recommended',
      cwe: ['CWE-943'],
    },
    schema: [],
    messages: {
      dynamoExpressionFromInput:
        '`{{key}}` is built from `{{path}}`, which the caller controls, so they can change the condition. Keep it constant: values as `:v`, names as `#n`.',
      dynamoExpressionBuilt:
        '`{{key}}` mixes values into the expression text. Put values in `ExpressionAttributeValues` (`:v`) and names in `ExpressionAttributeNames` (`#n`).',
      mongoFilterFromInput:
        'This MongoDB filter takes `{{path}}` whole from the caller: `{ "$ne": null }` for a string matches every document. Validate it, or force the type (`String(x)`).',
      mongoWhere:
        '`$where` runs JavaScript on the database server; with any caller-supplied part it is code injection. Use query operators instead.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      Property(node) {
        const key = keyName(node);
        if (key === '$where' && node.parent.type === AST_NODE_TYPES.ObjectExpression) {
          context.report({ node, messageId: 'mongoWhere' });
          return;
        }
        if (!key || !DYNAMO_EXPRESSIONS.has(key)) return;
        const built = builtString(sourceCode, node.value);
        if (!built) return;
        const label = analyse(context).flow.labelOf(node.value);
        if (label && !label.derived && !label.whole) {
          context.report({ node: node.value, messageId: 'dynamoExpressionFromInput', data: { key, path: label.sourcePath } });
        } else if (mixesValues(built.values, built.text)) {
          context.report({ node: node.value, messageId: 'dynamoExpressionBuilt', data: { key } });
        }
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = propertyName(callee);
        const [filter] = node.arguments;
        if (!method || !MONGO_FILTER_METHODS.has(method) || !filter) return;
        const { flow } = analyse(context);
        const risky = (value: TSESTree.Node): boolean => {
          const inner = unwrap(value);
          // `String(x)`, `Number(x)`, `new ObjectId(x)`: a forced type cannot carry an operator object.
          if ((inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) && COERCIONS.has(calleeName(inner.callee) ?? '')) {
            return false;
          }
          const label = flow.labelOf(value);
          // A validated value has a known type; an unvalidated one may be an operator object.
          return !!label && !label.validated && !label.derived && !label.whole;
        };
        const report = (value: TSESTree.Node): void => {
          context.report({ node: value, messageId: 'mongoFilterFromInput', data: { path: flow.labelOf(value)!.sourcePath } });
        };
        const object = unwrap(filter);
        if (object.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of object.properties) {
            const value = property.type === AST_NODE_TYPES.Property ? property.value : property.argument;
            if (risky(value)) report(value);
          }
        } else if (!(method === 'find' && object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.CallExpression && object.type !== AST_NODE_TYPES.AwaitExpression) && risky(filter)) {
          report(filter);
        }
      },
    };
  },
});
