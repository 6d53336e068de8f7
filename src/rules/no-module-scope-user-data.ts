import { analyse } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';

export default createRule<[], 'moduleScopeWrite'>({
  name: 'no-module-scope-user-data',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing request data to module-level state that outlives the invocation',
      recommended: 'recommended',
      cwe: ['CWE-488'],
    },
    schema: [],
    messages: {
      moduleScopeWrite:
        'Data from `{{path}}` is written to {{slot}}, which outlives this invocation: the next request, maybe another user\'s, sees it. Keep request data in the handler.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const reported = new Set<unknown>();
        for (const use of analyse(context).flow.uses) {
          if (use.kind !== 'module-write' || reported.has(use.node)) continue;
          reported.add(use.node);
          context.report({ node: use.node, messageId: 'moduleScopeWrite', data: { path: use.label.sourcePath, slot: use.target } });
        }
      },
    };
  },
});
