import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { analyse } from '../analysis/index.js';
import { builtString } from '../analysis/strings.js';
import { isConstant, keyName, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'commandFromInput' | 'commandBuilt' | 'suggestExecFile';
type Kind = 'shell' | 'file' | 'execa';

const SHELL: Kind = 'shell';
const CHILD_PROCESS = {
  exec: { [CALL]: SHELL },
  execSync: { [CALL]: SHELL },
  spawn: { [CALL]: 'file' as Kind },
  spawnSync: { [CALL]: 'file' as Kind },
  execFile: { [CALL]: 'file' as Kind },
  execFileSync: { [CALL]: 'file' as Kind },
};
const COMMANDS: ReferenceSpec<Kind> = {
  modules: {
    child_process: CHILD_PROCESS,
    execa: { execaCommand: { [CALL]: 'execa' }, execaCommandSync: { [CALL]: 'execa' } },
    shelljs: { exec: { [CALL]: SHELL } },
  },
};

/** `{ shell: true }` among a call's arguments: the command line goes through `/bin/sh` after all. */
function usesShell(args: TSESTree.CallExpressionArgument[]): boolean {
  return args.some((argument) => {
    const value = unwrap(argument);
    return (
      value.type === AST_NODE_TYPES.ObjectExpression &&
      value.properties.some((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'shell' && !(p.value.type === AST_NODE_TYPES.Literal && p.value.value === false))
    );
  });
}

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
        for (const ref of findReferences(sourceCode, COMMANDS)) {
          const call = ref.node;
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const [command, second] = call.arguments;
          if (!command || command.type === AST_NODE_TYPES.SpreadElement) continue;
          let culprit: TSESTree.Node | null = null;
          if (ref.info === 'file') {
            // Without a shell, arguments are passed as they are; with `shell: true`, they are joined into a command line.
            if (!usesShell(call.arguments)) continue;
            if (!isConstant(sourceCode, command)) culprit = command;
            else if (second && !isConstant(sourceCode, second)) culprit = second;
          } else if (!isConstant(sourceCode, command)) {
            culprit = command;
          }
          if (!culprit) continue;
          const label = analyse(context).flow.labelOf(culprit);
          const fromInput = !!label && !label.derived && !label.whole;
          if (!fromInput && ref.info !== 'file' && !builtString(sourceCode, culprit) && unwrap(culprit).type !== AST_NODE_TYPES.Identifier) continue;
          const template = unwrap(culprit);
          const rewrite =
            ref.info === SHELL && template.type === AST_NODE_TYPES.TemplateLiteral && culprit === command ? execFileRewrite(sourceCode, call, template) : null;
          context.report({
            node: culprit,
            messageId: fromInput ? 'commandFromInput' : 'commandBuilt',
            data: fromInput ? { path: label.sourcePath } : {},
            suggest: rewrite ? [{ messageId: 'suggestExecFile', fix: (fixer) => fixer.replaceText(call, rewrite) }] : [],
          });
        }
      },
    };
  },
});
