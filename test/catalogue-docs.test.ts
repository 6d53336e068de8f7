/**
 * docs/catalogue.md is generated from the models catalogue, so what the docs say the plugin treats as a sink is
 * what it does. `npm run docs:catalogue` rewrites it; this test fails when the two drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { isImportedSink, SINK_KINDS, SINK_OWNERS, SINKS, type SinkKind, type SinkModel } from '../src/models/index.js';
import { SQL_CLIENT_MODULES } from '../src/models/databases.js';
import { SANITIZERS } from '../src/models/sanitizers.js';

const file = fileURLToPath(new URL('../docs/catalogue.md', import.meta.url));

const EVIDENCE: Record<string, string> = {
  'sql-text': 'when the text reads as SQL',
  'sql-only': 'always SQL text',
  'sql-client': `when the value is taken whole (not built there), in files that import an SQL driver or query builder (${SQL_CLIENT_MODULES.map((m) => `\`${m}\``).join(', ')})`,
  mongo: 'in files that use `mongodb`/`mongoose`, or on `collection(…)`/`model(…)`',
  'document-store': 'on Firestore/Realtime Database references, in files that use them',
  dynamodb: 'in files that use the AWS SDK for DynamoDB',
};

function position(entry: SinkModel): string {
  const args = entry.arguments;
  const at = args === 'all' ? 'every argument' : args === 'last' ? 'the last argument' : `argument ${(args ?? [0]).map((i) => i + 1).join(' and ')}`;
  const which = entry.whole ? `${at} taken whole (not an object literal written there)` : at;
  if (isImportedSink(entry)) return entry.property ? `the \`${entry.property}\` of ${which}` : which;
  return entry.properties ? `${which} (its \`${entry.properties.join('`/`')}\` when it is an object)` : which;
}

function describeEntry(entry: SinkModel): string {
  if (isImportedSink(entry)) {
    const name = entry.path.length > 0 ? entry.path.join('.') : '(the module itself)';
    const call = entry.construct === true ? `new ${name}()` : entry.construct === 'both' ? `${name}()` + ` / new ${name}()` : `${name}()`;
    const from = entry.module ? ` from \`${entry.module}\`` : ' (global)';
    if (entry.instanceMethod) return `\`.${entry.instanceMethod}()\` of a \`${call}\`${from}, ${position(entry)}`;
    return `\`${call}\`${from}, ${position(entry)}${entry.needsString ? ', when not a function' : ''}${entry.asValue ? '; also the function handed on as a value' : ''}`;
  }
  if (entry.responseMethod) return `\`res.${entry.responseMethod}()\` on the handler's own response or context, ${position(entry)}`;
  if (entry.responseProperty) return `\`ctx.${entry.responseProperty} = …\` on the handler's own response or context`;
  if (entry.method) return `on any receiver, ${position(entry)}${entry.evidence ? `, ${EVIDENCE[entry.evidence]}` : ''}`;
  return `the \`${entry.objectKey}\` property of an object literal${entry.callee ? ` passed to \`${entry.callee.source}\`` : ''}`;
}

function catalogueMarkdown(): string {
  const lines = [
    '# The models catalogue',
    '',
    '<!-- Generated from src/models/ by `npm run docs:catalogue`; do not edit by hand. -->',
    '',
    'Every place the plugin treats as consequential, by kind, with the rule that reports it. Entries found through an',
    'import match however the module is imported (`require`, `import`, `node:` prefixes, destructuring, renaming).',
    'Add your own with `settings[\'serverless-security\'].sinks` (see [no-unvalidated-event](rules/no-unvalidated-event.md#settings)).',
    '',
  ];
  for (const kind of SINK_KINDS) {
    const entries = SINKS.filter((entry) => entry.kind === kind);
    lines.push(`## \`${kind}\` — [${SINK_OWNERS[kind]}](rules/${SINK_OWNERS[kind]}.md)`, '');
    // Methods that share a description are one line: `.query()`, `.execute()`, … on any receiver, ….
    const methods = new Map<string, string[]>();
    for (const entry of entries) {
      if (!isImportedSink(entry) && entry.method && !entry.responseMethod) {
        const text = describeEntry(entry);
        methods.set(text, [...(methods.get(text) ?? []), `\`.${entry.method}()\``]);
      } else {
        lines.push(`- ${describeEntry(entry)}`);
      }
    }
    for (const [text, names] of methods) lines.push(`- ${names.join(', ')} ${text}`);
    const sanitizers = SANITIZERS.filter((s) => s.kinds.includes(kind as SinkKind));
    if (sanitizers.length > 0) {
      const names = sanitizers.map((s) => (s.module ? `\`${s.module}\`${s.callee ? ` \`${s.callee}\`` : ''}` : s.callee ? `\`${s.callee}()\`` : `\`.${s.method}()\``));
      lines.push('', `Sanitisers: ${names.join(', ')}.`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

it('docs/catalogue.md matches the catalogue', () => {
  const expected = catalogueMarkdown();
  if (process.env.UPDATE_CATALOGUE) writeFileSync(file, expected);
  expect(readFileSync(file, 'utf8')).toBe(expected);
});
