import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { sinkName, type SinkPlace } from '../analysis/sinks.js';
import { isImportedSink, type SinkModel } from '../models/index.js';
import { isConstant, isFunctionNode, staticString, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds =
  | 'eval' | 'indirectEval' | 'functionConstructor' | 'stringTimer' | 'vmCode' | 'codeFromValue' | 'templateFromInput' | 'moduleFromInput'
  | 'suggestJsonParse';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** How a catalogue entry of kind `code` runs its value, read off the entry itself (which decides the message). */
type Evaluator = 'eval' | 'function' | 'timer' | 'vm' | 'other';

function evaluatorOf(entry: SinkModel | null): Evaluator {
  if (!entry || !isImportedSink(entry)) return 'other';
  if (entry.module) return entry.module.replace(/^node:/, '') === 'vm' ? 'vm' : 'other';
  const [name, ...rest] = entry.path;
  if (rest.length > 0) return 'other';
  if (name === 'eval') return 'eval';
  if (name === 'Function') return 'function';
  // A global that takes either a function or a string of code: a timer.
  return entry.needsString ? 'timer' : 'other';
}

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

/** The places of one call (the `Function` constructor has one per argument), with the entry that matched it. */
function byCall(places: readonly SinkPlace[]): Map<Call, { entry: SinkModel | null; places: SinkPlace[] }> {
  const calls = new Map<Call, { entry: SinkModel | null; places: SinkPlace[] }>();
  for (const place of places) {
    const call = place.sink;
    if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) continue;
    const known = calls.get(call);
    if (known) known.places.push(place);
    else calls.set(call, { entry: place.entry, places: [place] });
  }
  return calls;
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
      codeFromValue:
        '{{name}} runs code computed at run time: a string from input becomes code (CWE-95). Run only fixed code, or choose among fixed functions by name.',
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

    const reportEval = (call: Call): void => {
      const [argument] = call.arguments;
      const canSuggest = call.arguments.length === 1 && argument?.type !== AST_NODE_TYPES.SpreadElement;
      const direct = call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'eval';
      context.report({
        node: call,
        messageId: direct ? 'eval' : 'indirectEval',
        suggest: canSuggest ? [{ messageId: 'suggestJsonParse', fix: (fixer) => fixer.replaceText(call.callee, 'JSON.parse') }] : [],
      });
    };

    return {
      'Program:exit'() {
        // Code runs wherever it is evaluated, so every place counts, not only those a handler's input reaches.
        const analysis = analyse(context);
        const places = analysis.sinks('code');
        for (const [call, { entry, places: ofCall }] of byCall(places)) {
          const name = entry && isImportedSink(entry) ? (entry.path.at(-1) ?? '') : '';
          // Template engines and `require`: compiling or loading at run time is their normal use; the caller's text is the risk.
          const variant = entry && 'variant' in entry ? entry.variant : undefined;
          if (variant === 'template' || variant === 'module') {
            for (const place of ofCall) {
              const [label] = analysis.inputAt(place.node, 'code');
              if (label) context.report({ node: place.node, messageId: variant === 'template' ? 'templateFromInput' : 'moduleFromInput', data: { name: place.target, path: label.path } });
            }
            continue;
          }
          switch (evaluatorOf(entry)) {
            case 'eval':
              reportEval(call);
              break;
            case 'function':
              // `Function('return this')()` and other fixed bodies are reviewable; computed ones are the risk.
              if (call.arguments.some((argument) => !isConstant(sourceCode, argument))) {
                const text = call.type === AST_NODE_TYPES.NewExpression ? 'new Function()' : 'Function()';
                context.report({ node: call, messageId: 'functionConstructor', data: { call: text } });
              }
              break;
            case 'timer':
              if (call.type === AST_NODE_TYPES.CallExpression && isCodeArgument(call.arguments[0], isString)) {
                context.report({ node: call.arguments[0]!, messageId: 'stringTimer', data: { name } });
              }
              break;
            case 'vm':
              // Fixed code in source is reviewable; code computed at run time is the risk.
              if (ofCall.some((place) => !isConstant(sourceCode, place.node))) {
                const text = call.type === AST_NODE_TYPES.NewExpression ? `new vm.${name}()` : `vm.${name}()`;
                context.report({ node: call, messageId: 'vmCode', data: { name: text } });
              }
              break;
            case 'other':
              // An entry of the user's settings (a template compiler, a rules engine): the same judgement as `vm`.
              if (ofCall.some((place) => !isConstant(sourceCode, place.node))) {
                context.report({ node: call, messageId: 'codeFromValue', data: { name: sinkName(ofCall[0]!) } });
              }
              break;
          }
        }
        for (const place of places) {
          // `fn(eval)`, `[eval][0](x)`: the evaluator handed on, to be called where the call cannot be seen.
          if (place.sink !== place.node) continue;
          if (evaluatorOf(place.entry) === 'eval') context.report({ node: place.node, messageId: 'indirectEval' });
          else context.report({ node: place.node, messageId: 'codeFromValue', data: { name: sinkName(place) } });
        }
      },
    };
  },
});
