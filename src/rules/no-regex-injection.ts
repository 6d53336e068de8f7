import { analyse } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';

/**
 * No suggestion: `RegExp.escape` is not in Node 20, and whether the caller meant a pattern or plain text (then
 * `includes`, or an escape helper the project already has) is the author's choice.
 */
export default createRule<[], 'patternFromInput'>({
  name: 'no-regex-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow regular expressions compiled from caller input that was not escaped',
      recommended: 'recommended',
      cwe: ['CWE-1333', 'CWE-625'],
    },
    schema: [],
    messages: {
      patternFromInput:
        '`{{path}}` is compiled unescaped by `{{target}}`: a crafted pattern can hang the function. Escape it (escape-string-regexp, lodash escapeRegExp).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        for (const place of analysis.sinks('regex')) {
          const [label] = analysis.inputAt(place.node, 'regex');
          if (label) context.report({ node: place.node, messageId: 'patternFromInput', data: { path: label.sourcePath, target: place.target } });
        }
      },
    };
  },
});
