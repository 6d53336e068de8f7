import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { builtString } from '../analysis/strings.js';
import { calleeName, keyName, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'dynamoExpressionFromInput' | 'dynamoExpressionBuilt' | 'dynamoRequestFromInput' | 'mongoFilterFromInput' | 'mongoWhere';


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
      dynamoRequestFromInput:
        'The DynamoDB request in `{{target}}` is `{{path}}` as the caller sent it: they pick the table and every condition. Build it in code from checked fields.',
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
      // The selector narrows to `$where` keys (written bare or quoted); `keyName` confirms.
      "Property[key.name='$where'], Property[key.value='$where']"(node: TSESTree.Property) {
        if (keyName(node) === '$where' && node.parent.type === AST_NODE_TYPES.ObjectExpression) context.report({ node, messageId: 'mongoWhere' });
      },
      'Program:exit'() {
        const analysis = analyse(context);
        for (const place of analysis.sinks('nosql-expression')) {
          const key = place.target;
          const [label] = analysis.inputAt(place.node, 'nosql-expression');
          if (place.entry && 'whole' in place.entry && place.entry.whole) {
            if (label) context.report({ node: place.node, messageId: 'dynamoRequestFromInput', data: { target: key, path: label.path } });
            continue;
          }
          if (label) {
            context.report({ node: place.node, messageId: 'dynamoExpressionFromInput', data: { key, path: label.sourcePath } });
            continue;
          }
          const built = builtString(sourceCode, place.node);
          if (built && mixesValues(built.values, built.text)) context.report({ node: place.node, messageId: 'dynamoExpressionBuilt', data: { key } });
        }
        if (analysis.handlers.length === 0) return;
        for (const place of analysis.sinks('nosql-filter')) {
          const filter = unwrap(place.node);
          const values = filter.type === AST_NODE_TYPES.ObjectExpression
            ? filter.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? p.value : p.argument))
            : [place.node];
          for (const value of values) {
            const inner = unwrap(value);
            // `String(x)`, `new ObjectId(x)`: a forced type cannot carry an operator object.
            if ((inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) && COERCIONS.has(calleeName(inner.callee) ?? '')) continue;
            // Path parameters, headers and single query values are strings: they cannot be `{ "$ne": null }`.
            const label = analysis.inputAt(value, 'nosql-filter').find((l) => !l.textOnly);
            if (label) context.report({ node: value, messageId: 'mongoFilterFromInput', data: { path: label.sourcePath } });
          }
        }
      },
    };
  },
});
