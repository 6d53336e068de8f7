import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { visitShownParts } from '../analysis/responses.js';
import { calleeName, enclosingFunction } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'revealsAccount' | 'revealsField' | 'suggestGenericLogin' | 'suggestGenericReset';

/** Wordings that tell a caller whether an account exists. */
const ACCOUNT_PATTERNS = [
  /\b(?:user|account|e-?mail(?: address)?|username|login)\b[^.!?]{0,30}\b(?:not found|does(?: not|n't) exist|not registered|is not known|unknown)\b/i,
  /\bno (?:such )?(?:user|account)\b/i,
  /\bunknown (?:user|account|e-?mail|username)\b/i,
  /\b(?:e-?mail|username|user ?name)\b[^.!?]{0,20}\b(?:already (?:taken|registered|exists|in use)|is taken|is already)\b/i,
  /\b(?:reset|recovery|verification|confirmation) (?:link|e-?mail|code)\b[^.!?]{0,20}\bsent to\b/i,
];
/** Wordings that tell a caller which credential was wrong. */
const FIELD_PATTERNS = [
  /\b(?:incorrect|invalid|wrong|bad) (?:password|passcode|pin)\b/i,
  /\bpassword (?:is )?(?:incorrect|invalid|wrong|does(?: not|n't) match)\b/i,
];
/** The safe wording names both fields together: "Invalid email or password". */
const GENERIC = /\b(?:e-?mail|username|user ?name|user|login)\s+(?:or|and|\/)\s+password\b/i;

const LOGIN_MESSAGE = "'Invalid email or password'";
const RESET_MESSAGE = "'If an account exists for that address, we have sent it an email'";

function textOf(node: TSESTree.Literal | TSESTree.TemplateLiteral): string {
  return node.type === AST_NODE_TYPES.Literal ? String(node.value) : node.quasis.map((q) => q.value.cooked ?? '').join('…');
}

export default createRule<[], MessageIds>({
  name: 'no-user-enumeration',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow responses that reveal whether an account exists or which credential was wrong',
      recommended: 'strict',
      cwe: ['CWE-204'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      revealsAccount:
        'This response tells the caller whether an account exists, so anyone can test which emails or usernames are registered. Answer the same way in both cases.',
      revealsField:
        'This response says which credential was wrong, which confirms the account exists. Use one message for any failed login: "Invalid email or password".',
      suggestGenericLogin: 'Use the generic "Invalid email or password".',
      suggestGenericReset: 'Use a message that is the same whether or not the account exists.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const reported = new Set<TSESTree.Node>();

    const judge = (part: TSESTree.Node): boolean => {
      if (part.type !== AST_NODE_TYPES.TemplateLiteral && !(part.type === AST_NODE_TYPES.Literal && typeof part.value === 'string')) {
        return false;
      }
      if (reported.has(part)) return true;
      const text = textOf(part);
      if (GENERIC.test(text)) return true;
      const field = FIELD_PATTERNS.some((p) => p.test(text));
      const account = !field && ACCOUNT_PATTERNS.some((p) => p.test(text));
      if (!field && !account) return false;
      reported.add(part);
      const reset = /\bsent to\b|\breset\b/i.test(text);
      const suggestion: TSESLint.ReportSuggestionArray<MessageIds> = [
        {
          messageId: reset ? 'suggestGenericReset' : 'suggestGenericLogin',
          fix: (fixer) => fixer.replaceText(part, reset ? RESET_MESSAGE : LOGIN_MESSAGE),
        },
      ];
      context.report({ node: part, messageId: field ? 'revealsField' : 'revealsAccount', suggest: suggestion });
      return true;
    };

    return {
      'Program:exit'() {
        const analysis = analyse(context);
        for (const response of analysis.responses) visitShownParts(sourceCode, response.value, judge);
      },
      // `throw createError(404, 'User not found')`: HTTP error helpers expose their message to the caller.
      CallExpression(node) {
        if (calleeName(node.callee) !== 'createError' || !enclosingFunction(node)) return;
        for (const argument of node.arguments) visitShownParts(sourceCode, argument, judge);
      },
    };
  },
});
