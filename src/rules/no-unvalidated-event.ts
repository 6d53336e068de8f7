import type { TSESTree } from '@typescript-eslint/utils';
import { analyse, type SinkPlace } from '../analysis/index.js';
import { SINK_KINDS, type SinkKind } from '../models/types.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ internalInput?: boolean }];

/** How a message names each kind of place. */
const PLACE: Record<SinkKind, string> = {
  sql: 'SQL text in',
  'nosql-filter': 'a MongoDB filter in',
  'nosql-expression': 'the DynamoDB',
  command: 'a command run by',
  code: 'code run by',
  deserialize: 'the deserialiser',
  path: 'a file path in',
  url: 'the address fetched by',
  html: 'HTML sent by',
  redirect: 'a redirect in',
  regex: 'a pattern in',
  record: 'a whole stored record in',
};

/** `SQL text in \`db.query()\``; responses built by the core name themselves (`the HTML response`). */
function placeText(place: SinkPlace): string {
  return place.entry === null ? place.target : `${PLACE[place.kind]} \`${place.target}\``;
}

export default createRule<Options, 'unvalidated'>({
  name: 'no-unvalidated-event',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require caller input to be validated before it reaches a query, a command, a file path, a URL, HTML or a stored record',
      recommended: 'recommended',
      cwe: ['CWE-20'],
      strictOptions: { internalInput: true },
    },
    schema: [
      {
        type: 'object',
        properties: {
          internalInput: {
            type: 'boolean',
            description: 'Also treat queue, stream, bus, Step Functions and direct-invoke payloads as untrusted input.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unvalidated: '`{{path}}` reaches {{place}} unvalidated. Check it with a schema (zod, joi, ajv, middy validator) or a guard, and use the checked value.',
    },
  },
  defaultOptions: [{ internalInput: false }],
  create(context, [{ internalInput }]) {
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        // One report per input read, at the read, naming the first consequential place it reaches.
        const first = new Map<TSESTree.Node, { place: SinkPlace; path: string }>();
        for (const kind of SINK_KINDS) {
          for (const place of analysis.sinks(kind)) {
            for (const label of analysis.inputAt(place.node, kind, { internal: internalInput })) {
              // A record is the whole body stored as it came; one field of it is an ordinary write.
              if (kind === 'record' && (label.path !== label.sourcePath || !/\.body$|\.json\(\)$|\.data$/.test(label.sourcePath))) continue;
              const known = first.get(label.source);
              if (!known || place.node.range[0] < known.place.node.range[0]) first.set(label.source, { place, path: label.sourcePath });
            }
          }
        }
        // Several reads of one input in one expression (`typeof event.body === 'object' ? event.body : JSON.parse(event.body)`) are one report.
        const reported = new Set<string>();
        for (const [source, { place, path }] of first) {
          const key = `${path}:${source.loc.start.line}:${place.node.range[0]}`;
          if (reported.has(key)) continue;
          reported.add(key);
          context.report({ node: source, messageId: 'unvalidated', data: { path, place: placeText(place) } });
        }
      },
    };
  },
});
