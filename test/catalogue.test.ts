/**
 * Tests generated from the models catalogue: for every sink entry, one handler where caller input reaches the
 * entry's dangerous position (reported by `no-unvalidated-event`, which covers every kind) and one where a constant
 * does (quiet). A new entry gets its pair without anyone writing it; an entry the matcher cannot find fails here.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import { isImportedSink, SINK_KINDS, SINK_OWNERS, SINKS, type ImportedSink, type ShapeSink, type SinkModel } from '../src/models/index.js';
import { rules } from '../src/rules/index.js';
import rule from '../src/rules/no-unvalidated-event.js';
import { testRule } from './rule-tester.js';

/** The whole parsed body for record sinks (one field of it is an ordinary write); a query value elsewhere. */
const inputFor = (entry: SinkModel): string => (entry.kind === 'record' ? 'JSON.parse(event.body)' : 'event.queryStringParameters.q');

/** The arguments of a call with `value` at the entry's first dangerous position and constants elsewhere. */
function argumentsWith(entry: SinkModel, value: string): string {
  const positions = entry.arguments === 'all' || entry.arguments === 'last' || !entry.arguments ? [0] : entry.arguments;
  const at = positions[0] ?? 0;
  const property = isImportedSink(entry) ? entry.property : entry.properties?.[0];
  const slot = property ? `{ ${property}: ${value} }` : value;
  const args = Array.from({ length: at + 1 }, (_, i) => (i === at ? slot : "'fixed'"));
  return args.join(', ');
}

function importedCall(entry: ImportedSink, value: string): string {
  const target = entry.module ? ['sink', ...entry.path].join('.') : entry.path.join('.');
  if (entry.instanceMethod) return `new ${target}().${entry.instanceMethod}(${argumentsWith(entry, value)})`;
  const call = `${target}(${argumentsWith(entry, value)})`;
  return entry.construct ? `new ${call}` : call;
}

/** A callee name that a shape entry's `callee` pattern accepts. */
const CALLEE_SAMPLES = ['put', 'create', 'update', 'updateOne', 'send'];

function shapeStatement(entry: ShapeSink, value: string): string | null {
  if (entry.method) {
    const sqlText = entry.evidence === 'sql-text' ? `\`SELECT * FROM t WHERE name = '\${${value}}'\`` : value;
    const receiver = entry.evidence === 'mongo' || entry.evidence === 'document-store' ? "store.collection('items')" : 'db';
    return `await ${receiver}.${entry.method}(${argumentsWith(entry, sqlText)});`;
  }
  if (entry.objectKey) {
    const callee = entry.callee ? CALLEE_SAMPLES.find((name) => entry.callee!.test(name)) : 'send';
    if (!callee) return null;
    const text = entry.kind === 'nosql-expression' ? `\`set \${${value}} = :v\`` : value;
    return `await db.${callee}({ TableName: 't', ${entry.objectKey}: ${text} });`;
  }
  return null;
}

interface Generated {
  name: string;
  tainted: string;
  constant: string;
}

function generate(entry: SinkModel): Generated | null {
  const value = inputFor(entry);
  if (isImportedSink(entry)) {
    const header = entry.module ? `const sink = require('${entry.module}');\n` : '';
    const body = (v: string): string => `${header}exports.handler = async (event) => {\n  await ${importedCall(entry, v)};\n  return { statusCode: 204 };\n};`;
    const name = `${entry.kind}: ${entry.module ? `${entry.module} ` : ''}${entry.path.join('.') || '(the module)'}${entry.property ? ` { ${entry.property} }` : ''}`;
    return { name, tainted: body(value), constant: body("'fixed'") };
  }
  if (entry.responseMethod) {
    const args = (v: string): string => (entry.arguments === 'last' ? `302, ${v}` : v);
    const body = (v: string): string => `exports.api = (req, res) => {\n  res.${entry.responseMethod}(${args(v)});\n};`;
    return { name: `${entry.kind}: res.${entry.responseMethod}()`, tainted: body('req.query.q'), constant: body("'/fixed'") };
  }
  const header = entry.evidence === 'sql-client' ? "const { Pool } = require('pg');\n" : entry.evidence === 'mongo' ? "const { MongoClient } = require('mongodb');\n" : entry.evidence === 'document-store' ? "const admin = require('firebase-admin');\n" : entry.evidence === 'dynamodb' ? "const AWS = require('aws-sdk');\n" : '';
  const tainted = shapeStatement(entry, value);
  const constant = shapeStatement(entry, "'fixed'");
  if (!tainted || !constant) return null;
  const body = (statement: string): string => `${header}exports.handler = async (event) => {\n  ${statement}\n  return { statusCode: 204 };\n};`;
  return { name: `${entry.kind}: ${entry.method ? `.${entry.method}()` : entry.objectKey}`, tainted: body(tainted), constant: body(constant) };
}

const generated = SINKS.map(generate).filter((g): g is Generated => g !== null);

describe('the models catalogue', () => {
  it('yields a generated pair for nearly every entry', () => {
    expect(generated.length).toBeGreaterThan(SINKS.length * 0.95);
  });
  it('gives each sink kind exactly one owning rule, and the owner exists', () => {
    for (const kind of SINK_KINDS) expect(Object.keys(rules), `owner of ${kind}`).toContain(SINK_OWNERS[kind]);
    expect(Object.keys(SINK_OWNERS).sort()).toEqual([...SINK_KINDS].sort());
  });
});

const invalid: InvalidTestCase<'unvalidated', [{ internalInput?: boolean }]>[] = [];
const valid: ValidTestCase<[{ internalInput?: boolean }]>[] = [];
const seen = new Set<string>();
for (const { name, tainted, constant } of generated) {
  if (seen.has(tainted)) continue;
  seen.add(tainted);
  invalid.push({ name, code: tainted, errors: [{ messageId: 'unvalidated' }] });
  valid.push({ name: `${name} (constant)`, code: constant });
}

testRule('catalogue entries', rule, { valid, invalid });
