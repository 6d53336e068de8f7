import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyse, type Analysis } from '../../src/analysis/index.js';

export interface Options {
  ts?: boolean;
  filename?: string;
  settings?: Record<string, unknown>;
}

/** Runs the shared analysis on a snippet, as a rule would, and hands back what it computed. */
export function analyseCode(code: string, options: Options = {}): { analysis: Analysis; sourceCode: TSESLint.SourceCode } {
  let captured: { analysis: Analysis; sourceCode: TSESLint.SourceCode } | undefined;
  const probe: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          captured = { analysis: analyse(context), sourceCode: context.sourceCode };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const filename = options.filename ?? (options.ts ? 'handler.ts' : 'handler.js');
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.cjs'],
        plugins: { probe: { rules: { probe: probe as never } } },
        languageOptions: options.ts || /\.tsx?$/.test(filename) ? { parser: tsParser as never } : {},
        settings: options.settings ?? {},
        rules: { 'probe/probe': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!captured) throw new Error('the analysis did not run');
  return captured;
}

/** A short description of each handler: `platform/kind input=<name>`, for readable assertions. */
export function describeHandlers(code: string, options: Options = {}): string[] {
  const { analysis, sourceCode } = analyseCode(code, options);
  return analysis.handlers.map((h) => {
    const input = h.input ? sourceCode.getText(h.input).replace(/:.*$/s, '') : '-';
    const validated = h.validatedBy ? ` validated-by=${h.validatedBy}` : '';
    return `${h.platform}/${h.inputKind} input=${input}${validated}`;
  });
}

/** Each use of input: `path -> target [kind]` plus flags, sorted by position. */
export function describeUses(code: string, options: Options = {}): string[] {
  const { analysis } = analyseCode(code, options);
  return [...analysis.flow.uses]
    .sort((a, b) => a.node.range[0] - b.node.range[0])
    .map((u) => {
      const flags = [u.label.validated && 'validated', u.label.derived && 'derived', u.label.whole && 'whole']
        .filter(Boolean)
        .join(',');
      return `${u.label.sourcePath} -> ${u.target} [${u.kind}]${flags ? ` (${flags})` : ''}`;
    });
}
