import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleOfLocals } from '../analysis/imports.js';
import { isImportedSink } from '../models/types.js';
import { analyse } from '../analysis/index.js';
import { builtString, holdsSqlStatement, isDeployTimeValue, looksLikeSql, usesParameter } from '../analysis/strings.js';
import { calleeName, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'sqlFromInput' | 'sqlBuilt' | 'suggestPlaceholders' | 'suggestTaggedTemplate';

/** A value spliced inside quotes in SQL text: `'?'` where `builtString` marks a value. */
const QUOTED_VALUE = /'\?'|"\?"|'%\?%'|'\?%'|'%\?'/;

const PRISMA_UNSAFE: Record<string, string> = { $queryRawUnsafe: '$queryRaw', $executeRawUnsafe: '$executeRaw' };

/** Drivers by placeholder style, for the rewrite suggestion. */
const DOLLAR_DRIVERS = ['pg', 'postgres', '@neondatabase/serverless', 'pg-promise', '@vercel/postgres', 'slonik'];
const QUESTION_DRIVERS = ['mysql', 'mysql2', 'mysql2/promise', 'better-sqlite3', 'sqlite3', 'sqlite', 'knex', '@planetscale/database'];

/** `query(\`… '${a}' … ${b}\`)` → `query('… $1 … $2', [a, b])`, or with `?` placeholders. */
function placeholderRewrite(
  sourceCode: TSESLint.SourceCode,
  template: TSESTree.TemplateLiteral,
  style: 'dollar' | 'question',
): string | null {
  let text = '';
  template.quasis.forEach((quasi, index) => {
    let raw = quasi.value.raw;
    const next = template.quasis[index + 1];
    // `'${name}'` in SQL: the quotes belong to the value, not the statement.
    if (next && /'$/.test(raw) && next.value.raw.startsWith("'")) raw = raw.slice(0, -1);
    if (index > 0 && /^'/.test(raw) && /'$/.test(template.quasis[index - 1]!.value.raw)) raw = raw.slice(1);
    text += raw;
    if (next) text += style === 'dollar' ? `$${index + 1}` : '?';
  });
  if (/['\\]|\$\{/.test(text.replace(/\$\d+/g, ''))) return null;
  const values = template.expressions.map((e) => sourceCode.getText(e)).join(', ');
  return `'${text}', [${values}]`;
}

export default createRule<[], MessageIds>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL built by mixing values into the query text instead of passing them as parameters',
      recommended: 'recommended',
      cwe: ['CWE-89'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      sqlFromInput:
        'This SQL is built from `{{path}}`, which the caller controls: a quote in it ends the string and the rest runs as SQL. Use placeholders, or a parameterising tag.',
      sqlBuilt:
        'This SQL is built by mixing values into its text; if any of them can come from a caller, it is injectable. Use placeholders and pass the values separately.',
      suggestPlaceholders: 'Use placeholders and a values array.',
      suggestTaggedTemplate: 'Use the parameterising tagged template `{{method}}`…``.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;

    /**
     * `whole`: the place takes a value whole as the statement (a function resolved through its import, or an SQL
     * client's method in a file that imports the driver), so the caller's text there is the statement.
     */
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node | null, method: string, resolved: boolean, whole = resolved): void => {
      if (!argument) return;
      const built = builtString(sourceCode, argument);
      // `whereRaw`, `unsafe`, `$queryRawUnsafe` and functions resolved through their import (the RDS Data API, your
      // own `sinks`) take nothing but SQL; elsewhere (`raw` is also an HTML helper), the text must read as SQL.
      const sqlOnly = resolved || /.Raw$|[uU]nsafe$/.test(method);
      if (!built) {
        // The caller's text as the whole statement.
        const [label] = whole ? analyse(context).inputAt(argument, 'sql') : [];
        if (label) context.report({ node: argument, messageId: 'sqlFromInput', data: { path: label.sourcePath } });
        return;
      }
      if (!(sqlOnly || looksLikeSql(built.text))) return;
      const [label] = analyse(context).inputAt(argument, 'sql');
      const fromInput = !!label;
      if (!fromInput && built.values.every((value) => isDeployTimeValue(sourceCode, value))) return;
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      const template = unwrap(argument);
      if (template.type === AST_NODE_TYPES.TemplateLiteral && call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === argument) {
        const tagged = PRISMA_UNSAFE[method];
        const callee = unwrap(call.callee);
        if (tagged && call.arguments.length === 1 && callee.type === AST_NODE_TYPES.MemberExpression) {
          suggest.push({
            messageId: 'suggestTaggedTemplate',
            data: { method: tagged },
            fix: (fixer) => fixer.replaceTextRange([callee.property.range[0], call.range[1]], `${tagged}${sourceCode.getText(template)}`),
          });
        } else if (call.arguments.length === 1) {
          const modules = [...moduleOfLocals(sourceCode).values()];
          const style = modules.some((m) => DOLLAR_DRIVERS.includes(m)) ? 'dollar' : modules.some((m) => QUESTION_DRIVERS.includes(m)) ? 'question' : null;
          const rewrite = style && placeholderRewrite(sourceCode, template, style);
          if (rewrite) suggest.push({ messageId: 'suggestPlaceholders', fix: (fixer) => fixer.replaceText(template, rewrite) });
        }
      }
      context.report({
        node: argument,
        messageId: fromInput ? 'sqlFromInput' : 'sqlBuilt',
        data: label ? { path: label.sourcePath } : {},
        suggest,
      });
    };

    // Calls of any name whose first argument is SQL text with a value inside quotes (`VALUES ('${name}')`): a
    // helper module's own query wrapper, which the catalogue cannot know. Evidence enough when the value is a
    // parameter of the helper or caller input.
    const wrapperCalls: TSESTree.CallExpression[] = [];
    const fileHasSql = holdsSqlStatement(sourceCode);
    // Without a statement in the file's strings, no call there can take SQL text the file wrote.
    const collect = fileHasSql
      ? {
          CallExpression(node: TSESTree.CallExpression) {
            const first = node.arguments[0] && unwrap(node.arguments[0]);
            // Text built right there, or in a variable of the function (`const sql = …; run(sql)`).
            if (first?.type === AST_NODE_TYPES.TemplateLiteral || (first?.type === AST_NODE_TYPES.BinaryExpression && first.operator === '+') || first?.type === AST_NODE_TYPES.Identifier) {
              wrapperCalls.push(node);
            }
          },
        }
      : {};
    return {
      ...collect,
      'Program:exit'() {
        const seen = new Set<TSESTree.Node>();
        for (const place of analyse(context).sinks('sql')) {
          const call = place.sink;
          if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) continue;
          seen.add(place.node);
          const resolved = !!place.entry && isImportedSink(place.entry);
          check(call, place.node, calleeName(call.callee) ?? '', resolved, resolved || (!!place.entry && !isImportedSink(place.entry) && place.entry.evidence === 'sql-client'));
        }
        for (const call of wrapperCalls) {
          const argument = call.arguments[0]!;
          if (seen.has(argument)) continue;
          const built = builtString(sourceCode, argument);
          if (!built || !QUOTED_VALUE.test(built.text) || !looksLikeSql(built.text)) continue;
          if (analyse(context).inputAt(argument, 'sql').length === 0 && !usesParameter(sourceCode, built.values)) continue;
          check(call, argument, calleeName(call.callee) ?? '', false);
        }
      },
    };
  },
});
