import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, READ, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { analyse } from '../analysis/index.js';
import { isConstant, isFunctionNode, staticString, unwrap, valueParent } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'eval' | 'indirectEval' | 'functionConstructor' | 'stringTimer' | 'vmCode' | 'templateFromInput' | 'moduleFromInput' | 'suggestJsonParse';

type Sink = 'eval' | 'function' | 'timer' | 'vm';

const VM_FUNCTIONS = { [CALL]: 'vm' as Sink };
const DYNAMIC_CODE: ReferenceSpec<Sink> = {
  globals: {
    eval: { [CALL]: 'eval', [READ]: 'eval' },
    Function: { [CALL]: 'function', [CONSTRUCT]: 'function' },
    setTimeout: { [CALL]: 'timer' },
    setInterval: { [CALL]: 'timer' },
    setImmediate: { [CALL]: 'timer' },
  },
  modules: {
    vm: {
      runInNewContext: VM_FUNCTIONS,
      runInThisContext: VM_FUNCTIONS,
      runInContext: VM_FUNCTIONS,
      compileFunction: VM_FUNCTIONS,
      Script: { [CONSTRUCT]: 'vm' },
      SourceTextModule: { [CONSTRUCT]: 'vm' },
    },
  },
};

/** A first argument a timer will evaluate as code: a string, or a value we can tell is not a function. */
function isCodeArgument(node: TSESTree.Node | undefined, isString: (n: TSESTree.Node) => boolean): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const value = unwrap(node);
  if (isFunctionNode(value)) return false;
  return (
    value.type === AST_NODE_TYPES.TemplateLiteral ||
    (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') ||
    isString(value)
  );
}

/** True for the `eval` in `eval(x)` or `globalThis.eval(x)`: the call itself is reported, not its callee. */
function isCallee(node: TSESTree.Node): boolean {
  let { parent, child } = valueParent(node);
  // `(0, eval)(x)`: the call through the sequence is what the tracker reports.
  if (parent?.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) === child) {
    ({ parent, child } = valueParent(parent));
  }
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child;
}

export default createRule<[], MessageIds>({
  name: 'no-dynamic-code',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow running strings as code: `eval`, `new Function`, string timers and `vm` with computed code',
      recommended: 'recommended',
      cwe: ['CWE-95'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      eval:
        '`eval()` runs its argument as code: a string from input becomes code (CWE-95). Parse data with `JSON.parse()`, or map allowed names to functions in an object.',
      indirectEval:
        'Indirect `eval` still runs a string as code, in the global scope (CWE-95). Parse data with `JSON.parse()`, or map allowed names to functions in an object.',
      functionConstructor:
        '`{{call}}` compiles a string into a function, the same risk as `eval` (CWE-95). Write the function in source, or choose among fixed functions by name.',
      stringTimer:
        '`{{name}}()` evaluates a string first argument as code (CWE-95). Pass a function instead: `{{name}}(() => …, delay)`.',
      vmCode:
        '`{{name}}` compiles code computed at run time, and `vm` is not a security boundary (CWE-95). Run only fixed code, or parse data with `JSON.parse()`.',
      templateFromInput:
        '`{{name}}` compiles the caller\'s `{{path}}` as a template, and template syntax runs code on the server. Compile only your own templates; pass input as data.',
      moduleFromInput:
        '`require()` loads a module named by the caller\'s `{{path}}`: any file the function can read runs as code. Map allowed names to modules instead.',
      suggestJsonParse: 'Replace `eval(…)` with `JSON.parse(…)` (when the string holds data, not code).',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const isString = (node: TSESTree.Node): boolean => staticString(sourceCode, node) !== null;

    return {
      'Program:exit'() {
        // Template engines and `require`: compiling or loading at run time is their normal use; the caller's text is the risk.
        const analysis = analyse(context);
        if (analysis.handlers.length > 0) {
          for (const place of analysis.sinks('code')) {
            const variant = place.entry && 'variant' in place.entry ? place.entry.variant : undefined;
            if (variant !== 'template' && variant !== 'module') continue;
            const [label] = analysis.inputAt(place.node, 'code');
            if (!label) continue;
            const name = place.target;
            context.report({ node: place.node, messageId: variant === 'template' ? 'templateFromInput' : 'moduleFromInput', data: { name, path: label.path } });
          }
        }
        for (const ref of findReferences(sourceCode, DYNAMIC_CODE)) {
          const node = ref.node;
          const name = ref.path[ref.path.length - 1] ?? '';
          if (ref.info === 'eval') {
            if (ref.kind === 'call' && node.type === AST_NODE_TYPES.CallExpression) {
              const [argument] = node.arguments;
              const canSuggest = node.arguments.length === 1 && argument?.type !== AST_NODE_TYPES.SpreadElement;
              const direct = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'eval';
              context.report({
                node,
                messageId: direct ? 'eval' : 'indirectEval',
                suggest: canSuggest
                  ? [{ messageId: 'suggestJsonParse', fix: (fixer) => fixer.replaceText(node.callee, 'JSON.parse') }]
                  : [],
              });
            } else if (!isCallee(node) && node.parent?.type !== AST_NODE_TYPES.VariableDeclarator) {
              // `fn(eval)`, `[eval][0](x)`: the evaluator handed on; aliases (`const run = eval`) are followed to their calls.
              context.report({ node, messageId: 'indirectEval' });
            }
          } else if (ref.info === 'function') {
            // `Function('return this')()` and other fixed bodies are reviewable; computed ones are the risk.
            const args = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node.arguments : [];
            if (args.some((argument) => !isConstant(sourceCode, argument))) {
              const call = node.type === AST_NODE_TYPES.NewExpression ? 'new Function()' : 'Function()';
              context.report({ node, messageId: 'functionConstructor', data: { call } });
            }
          } else if (ref.info === 'timer' && node.type === AST_NODE_TYPES.CallExpression) {
            if (isCodeArgument(node.arguments[0], isString)) {
              context.report({ node: node.arguments[0]!, messageId: 'stringTimer', data: { name } });
            }
          } else if (ref.info === 'vm' && (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)) {
            const [code] = node.arguments;
            // Fixed code in source is reviewable; code computed at run time is the risk.
            if (code && !isConstant(sourceCode, code)) {
              context.report({ node, messageId: 'vmCode', data: { name: ref.kind === 'construct' ? `new vm.${name}()` : `vm.${name}()` } });
            }
          }
        }
      },
    };
  },
});
