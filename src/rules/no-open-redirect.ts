import { analyse } from '../analysis/index.js';
import { sinkName } from '../analysis/sinks.js';
import { createRule } from '../util/create-rule.js';

export default createRule<[], 'redirectFromInput'>({
  name: 'no-open-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow redirects to an address the caller chose, unless it is checked to be a local path or an allowed host',
      recommended: 'recommended',
      cwe: ['CWE-601'],
    },
    schema: [],
    messages: {
      redirectFromInput:
        '`{{path}}` picks where {{target}} sends the browser: links here can forward users to phishing. Allow only local paths or listed hosts.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        // The core keeps only the parts of a target that decide scheme and host: `/account?tab=${tab}` is quiet.
        for (const place of analysis.sinks('redirect')) {
          const [label] = analysis
            .inputAt(place.node, 'redirect')
            // "Back to where you came from": the `Referer` is the page the user was on, which no link can make another.
            .filter((input) => !/refer+er/i.test(input.path) && !/refer+er/i.test(context.sourceCode.getText(input.source)));
          if (!label) continue;
          context.report({ node: place.node, messageId: 'redirectFromInput', data: { path: label.path, target: sinkName(place) } });
        }
      },
    };
  },
});
