import { analyse } from '../analysis/index.js';
import { sinkName } from '../analysis/sinks.js';
import { createRule } from '../util/create-rule.js';

export default createRule<[], 'addressFromInput'>({
  name: 'no-ssrf',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow outgoing requests whose scheme or host the caller chose, unless the host is checked against an allow-list',
      recommended: 'recommended',
      cwe: ['CWE-918'],
    },
    schema: [],
    messages: {
      addressFromInput:
        '`{{path}}` picks the host {{target}} calls; in Lambda that reaches internal services and metadata/credential endpoints. Allow-list the hostname.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        // The core keeps only the parts of an address that decide scheme and host: `${API}/items/${id}` is quiet.
        for (const place of analysis.sinks('url')) {
          const [label] = analysis.inputAt(place.node, 'url');
          if (!label) continue;
          context.report({ node: place.node, messageId: 'addressFromInput', data: { path: label.path, target: sinkName(place) } });
        }
      },
    };
  },
});
