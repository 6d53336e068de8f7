import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { declaredContentType, isHtmlType, startsLikeHtml } from '../analysis/content-type.js';
import { analyse, type Analysis, type InputLabel, type SinkPlace } from '../analysis/index.js';
import { moduleOfLocals } from '../analysis/imports.js';
import { sinkName } from '../analysis/sinks.js';
import { isImportedSink } from '../models/types.js';
import { resolveVariable, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'htmlFromInput' | 'suggestEscape';

/** Fastify answers `text/plain` for a string `reply.send`. */
const PLAIN_TEXT_FRAMEWORKS = ['fastify'];

/**
 * Whether a place's body is rendered as a page: Hono `c.html` and Lambda results typed `text/html` always;
 * Express `res.send(string)` unless another type is declared (Express answers `text/html`); `res.write`/`res.end`
 * with an HTML type, or without one when the text may start like a page (browsers sniff untyped bodies).
 */
function rendersAsHtml(sourceCode: TSESLint.SourceCode, place: SinkPlace, fastify: boolean): boolean {
  const entry = place.entry;
  if (!entry || isImportedSink(entry) || !entry.responseMethod || entry.responseMethod === 'html') return true;
  const call = place.sink as TSESTree.CallExpression;
  if (call.type !== AST_NODE_TYPES.CallExpression) return true;
  const declared = declaredContentType(sourceCode, call);
  if (declared !== null) return isHtmlType(declared);
  // Express sends a Buffer as `application/octet-stream`, Fastify a string as `text/plain`.
  if (entry.responseMethod === 'send') return !fastify && !isBuffer(sourceCode, place.node);
  return startsLikeHtml(sourceCode, place.node);
}

/** The operands of a template literal or `+` chain that carry input; null when the value is not built there. */
function inputPieces(analysis: Analysis, node: TSESTree.Node): TSESTree.Node[] | null {
  const value = unwrap(node);
  let pieces: TSESTree.Node[];
  if (value.type === AST_NODE_TYPES.TemplateLiteral) pieces = value.expressions;
  else if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') pieces = [...(inputPieces(analysis, value.left) ?? [value.left]), value.right];
  else return null;
  return pieces.filter((piece) => analysis.inputAt(piece, 'html').length > 0);
}

/**
 * Whether a piece is the caller's text itself (a read of input, a property of it, or a variable holding such a read),
 * not markup the code built from it (`row(x)`, `` const cell = `<td>${x}</td>` ``): escaping markup would show its tags.
 */
function isPlainInput(analysis: Analysis, sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  const readHere = (expression: TSESTree.Node): boolean => analysis.inputAt(expression, 'html').some((label) => label.source === unwrap(expression));
  if (value.type === AST_NODE_TYPES.MemberExpression || readHere(value)) return true;
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const holder = resolveVariable(sourceCode, value)?.defs[0]?.node;
  const init = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init ? unwrap(holder.init) : null;
  return !!init && (init.type === AST_NODE_TYPES.MemberExpression || readHere(init));
}

/**
 * Input that is no markup a browser is tricked into rendering: `req.query`, `req.body`, `ctx.request.body` as a
 * whole (the framework parsed them into objects, sent as JSON or printed as `[object Object]`), and handshakes.
 */
function isHarmlessEcho(label: InputLabel): boolean {
  // A webhook handshake echoing its challenge (`hub.challenge`, Slack's `challenge`) answers a secret-holding platform,
  // or a JSON POST no other site can make a browser send.
  if (/\bchallenge$/.test(label.path)) return true;
  if (label.handler.inputKind !== 'request' && label.handler.inputKind !== 'context') return false;
  return /^[\w$]+(?:\.request)?\.(?:body|query|params|headers|cookies|signedCookies)$/.test(label.path);
}

function isBuffer(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.CallExpression && /^Buffer\.\w+$/.test(sourceCode.getText(value.callee));
}

export default createRule<[], MessageIds>({
  name: 'no-html-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow caller input in HTML responses unless it is escaped or sanitised',
      recommended: 'recommended',
      cwe: ['CWE-79'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      suggestEscape: 'Escape the input with `{{escaper}}(…)`.',
      htmlFromInput:
        '`{{path}}` goes unescaped into HTML ({{target}}), where markup in it runs as script. Escape it (escape-html, he) or answer JSON.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        const modules = new Set(moduleOfLocals(sourceCode).values());
        const fastify = PLAIN_TEXT_FRAMEWORKS.some((m) => modules.has(m));
        // The fix needs no new import only when the file already has escape-html.
        const escaper = [...moduleOfLocals(sourceCode)].find(([, module]) => module === 'escape-html')?.[0];
        for (const place of analysis.sinks('html')) {
          const [label] = analysis
            .inputAt(place.node, 'html')
            .filter((input) => !isHarmlessEcho(input));
          if (!label || !rendersAsHtml(sourceCode, place, fastify)) continue;
          const pieces = inputPieces(analysis, place.node);
          const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
          if (escaper && pieces && pieces.length > 0 && pieces.every((piece) => isPlainInput(analysis, sourceCode, piece))) {
            suggest.push({
              messageId: 'suggestEscape',
              data: { escaper },
              fix: (fixer) => pieces.map((piece) => fixer.replaceText(piece, `${escaper}(${sourceCode.getText(piece)})`)),
            });
          }
          context.report({ node: place.node, messageId: 'htmlFromInput', data: { path: label.path, target: sinkName(place) }, suggest });
        }
      },
    };
  },
});
