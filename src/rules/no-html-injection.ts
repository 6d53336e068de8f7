import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { declaredContentType, isHtmlType, startsLikeHtml } from '../analysis/content-type.js';
import { analyse, type SinkPlace } from '../analysis/index.js';
import { moduleOfLocals } from '../analysis/imports.js';
import { sinkName } from '../analysis/sinks.js';
import { isImportedSink } from '../models/types.js';
import { createRule } from '../util/create-rule.js';

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
  if (entry.responseMethod === 'send') return !fastify;
  return startsLikeHtml(sourceCode, place.node);
}

export default createRule<[], 'htmlFromInput'>({
  name: 'no-html-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow caller input in HTML responses unless it is escaped or sanitised',
      recommended: 'recommended',
      cwe: ['CWE-79'],
    },
    schema: [],
    messages: {
      htmlFromInput:
        '`{{path}}` is put unescaped into HTML ({{target}}): markup in it runs as script in users\' browsers. Escape it (escape-html, he), or send JSON.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        const modules = new Set(moduleOfLocals(context.sourceCode).values());
        const fastify = PLAIN_TEXT_FRAMEWORKS.some((m) => modules.has(m));
        for (const place of analysis.sinks('html')) {
          const [label] = analysis.inputAt(place.node, 'html');
          if (!label || !rendersAsHtml(context.sourceCode, place, fastify)) continue;
          context.report({ node: place.node, messageId: 'htmlFromInput', data: { path: label.path, target: sinkName(place) } });
        }
      },
    };
  },
});
