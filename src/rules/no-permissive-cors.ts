import { permissiveCors } from '../analysis/cors.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'anyOrigin' | 'reflectedOrigin';

export default createRule<[], MessageIds>({
  name: 'no-permissive-cors',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow CORS settings that let any website make credentialed requests and read the replies",
      recommended: 'recommended',
      cwe: ['CWE-942'],
    },
    schema: [],
    messages: {
      anyOrigin: "CORS allows any origin together with credentials: any website could act with your users' cookies or tokens. List the trusted origins instead.",
      reflectedOrigin: "The request's `Origin` is allowed back, unchecked, with credentials: any website can read your users' replies. Check it against an allow-list first.",
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        for (const { kind, node } of permissiveCors(context.sourceCode)) context.report({ node, messageId: kind });
      },
    };
  },
});
