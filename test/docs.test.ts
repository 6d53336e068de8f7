import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/** A fenced example in a rule's doc: its language, the section it stands in, and optional rule options. */
interface Example {
  lang: 'js' | 'ts';
  kind: 'incorrect' | 'correct';
  code: string;
  options: unknown[];
  line: number;
}

function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | null = null;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) {
      kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : null;
      continue;
    }
    const fence = /^```(js|ts|jsx|tsx)\s*(.*)$/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    if (!kind) continue;
    examples.push({
      lang: fence[1]!.startsWith('t') ? 'ts' : 'js',
      kind,
      code: body.join('\n'),
      options: fence[2] ? [JSON.parse(fence[2]) as unknown] : [],
      line: start + 1,
    });
  }
  return examples;
}

const linter = new Linter({ configType: 'flat' });

describe('every ❌ example in a rule doc reports, every ✅ example stays quiet', () => {
  for (const id of Object.keys(plugin.rules)) {
    const examples = examplesOf(readFileSync(new URL(`../docs/rules/${id}.md`, import.meta.url), 'utf8'));
    it(`${id} has both kinds of example`, () => {
      expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
      expect(examples.some((e) => e.kind === 'correct')).toBe(true);
    });
    for (const example of examples) {
      it(`${id}: ${example.kind} example at line ${example.line}`, () => {
        const messages = linter.verify(
          example.code,
          [
            {
              files: ['**/*.js', '**/*.ts'],
              plugins: { 'serverless-security': plugin as never },
              languageOptions: example.lang === 'ts' ? { parser: tsParser as never } : {},
              rules: { [`serverless-security/${id}`]: ['error', ...example.options] as never },
            },
          ],
          `docs/example.${example.lang}`,
        );
        const others = messages.filter((m) => m.ruleId !== `serverless-security/${id}`);
        expect(others).toEqual([]);
        if (example.kind === 'incorrect') expect(messages.length).toBeGreaterThan(0);
        else expect(messages).toEqual([]);
      });
    }
  }
});
