import { analyse, type InputUse } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';

export default createRule<[], 'unvalidated'>({
  name: 'no-unvalidated-event',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require handler input to pass a schema validator before it reaches a call, a store or a response',
      recommended: 'recommended',
      cwe: ['CWE-20'],
    },
    schema: [],
    messages: {
      unvalidated:
        '`{{path}}` reaches {{target}} without schema validation. Every function is its own perimeter: check the input against a schema first (zod `Schema.parse`, joi, yup, ajv, valibot, `@middy/validator`, Powertools parser) and use the validated value.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const { flow } = analyse(context);
        // One report per input read, at the read, naming the first place it went.
        const firstUse = new Map<InputUse['label']['source'], InputUse>();
        for (const use of flow.uses) {
          const { label } = use;
          if (label.validated || label.derived || label.whole || use.kind === 'module-write') continue;
          const known = firstUse.get(label.source);
          if (!known || use.node.range[0] < known.node.range[0]) firstUse.set(label.source, use);
        }
        for (const [source, use] of firstUse) {
          context.report({ node: source, messageId: 'unvalidated', data: { path: use.label.sourcePath, target: use.target } });
        }
      },
    };
  },
});
