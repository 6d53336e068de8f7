import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { usesShell } from '../analysis/sinks.js';
import { builtString, isDeployTimeValue, usesParameter } from '../analysis/strings.js';
import { isConstant, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'commandFromInput' | 'commandBuilt' | 'suggestExecFile';
/** `` exec(`convert ${a} ${b}`) `` → `execFile('convert', [a, b])`, when the command line is plain words. */
function execFileRewrite(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, template: TSESTree.TemplateLiteral): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null; // `execFile` may not be in scope otherwise
  const quasis = template.quasis.map((q) => q.value.cooked ?? '');
  if (quasis.some((q) => /[|&;<>$`"'*?(){}[\]\\~!#]/.test(q))) return null;
  const args: string[] = [];
  for (let i = 0; i < quasis.length; i++) {
    const words = quasis[i]!.split(/\s+/);
    // A value glued to a word (`--out=${x}`) cannot become its own argument mechanically.
    if (i > 0 && words[0] !== '') return null;
    if (i < quasis.length - 1 && words.at(-1) !== '') return null;
    for (const word of words) if (word) args.push(`'${word}'`);
    if (i < template.expressions.length) args.push(sourceCode.getText(template.expressions[i]!));
  }
  const [file, ...rest] = args;
  if (!file?.startsWith("'")) return null;
  const method = sourceCode.getText(callee.property) === 'execSync' ? 'execFileSync' : 'execFile';
  const others = call.arguments.slice(1).map((a) => sourceCode.getText(a));
  return `${sourceCode.getText(callee.object)}.${method}(${[file, `[${rest.join(', ')}]`, ...others].join(', ')})`;
}

export default createRule<[], MessageIds>({
  name: 'no-command-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow shell commands built from values at run time',
      recommended: 'recommended',
      cwe: ['CWE-78'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      commandFromInput:
        'This shell command is built from `{{path}}`, which the caller controls: `;` or `$(…)` in it runs their commands. Use `execFile`/`spawn` with an argument array.',
      commandBuilt:
        'This shell command is built from values at run time: one that a caller controls makes it injectable. Use `execFile`/`spawn` with an argument array.',
      suggestExecFile: 'Run the program with `execFile` and an argument array (no shell: check the command needs no pipes or globs).',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        // A call has one place per dangerous argument in the catalogue; judge each call once.
        const calls = new Map<TSESTree.CallExpression, 'shell' | 'program'>();
        for (const place of analysis.sinks('command')) {
          const variant = place.entry && 'variant' in place.entry ? place.entry.variant : undefined;
          if (place.sink.type === AST_NODE_TYPES.CallExpression) calls.set(place.sink, variant === 'program' ? 'program' : 'shell');
        }
        for (const [call, variant] of calls) {
          const [command, second] = call.arguments;
          if (!command || command.type === AST_NODE_TYPES.SpreadElement) continue;
          let culprit: TSESTree.Node | null = null;
          if (variant === 'program') {
            // Without a shell, arguments are passed as they are; with `shell: true`, they are joined into a command line.
            if (!usesShell(call.arguments)) continue;
            if (!isConstant(sourceCode, command)) culprit = command;
            else if (second && !isConstant(sourceCode, second)) culprit = second;
          } else if (!isConstant(sourceCode, command)) {
            culprit = command;
          }
          if (!culprit) continue;
          const [label] = analysis.inputAt(culprit, 'command');
          const fromInput = !!label;
          if (!fromInput && variant !== 'program' && !builtString(sourceCode, culprit) && unwrap(culprit).type !== AST_NODE_TYPES.Identifier) continue;
          if (!fromInput) {
            const values = builtString(sourceCode, culprit)?.values ?? [culprit];
            if (values.every((value) => isDeployTimeValue(sourceCode, value))) continue;
            // A script outside any handler (a setup CLI) builds commands from its own prompts; a helper's parameters
            // may be anyone's.
            if (analysis.handlers.length === 0 && !usesParameter(sourceCode, values)) continue;
          }
          const template = unwrap(culprit);
          const rewrite =
            variant === 'shell' && template.type === AST_NODE_TYPES.TemplateLiteral && culprit === command ? execFileRewrite(sourceCode, call, template) : null;
          context.report({
            node: culprit,
            messageId: fromInput ? 'commandFromInput' : 'commandBuilt',
            data: label ? { path: label.sourcePath } : {},
            suggest: rewrite ? [{ messageId: 'suggestExecFile', fix: (fixer) => fixer.replaceText(call, rewrite) }] : [],
          });
        }
      },
    };
  },
});
