import { createRequire } from 'node:module';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** The files the shipped configs lint: typescript-eslint's JS and TS extensions. */
export const JS_AND_TS_FILES = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

interface Parser {
  parse(code: string, options: object): unknown;
}

/**
 * The espree of the ESLint that lints (our peer), so a JavaScript file is parsed exactly as ESLint parses it when
 * no parser is configured.
 */
let eslintEspree: Parser | undefined;
function espree(): Parser {
  eslintEspree ??= createRequire(require.resolve('eslint'))('espree') as Parser;
  return eslintEspree;
}

/**
 * typescript-eslint's configs parse JavaScript files with its parser too, and its rules read TypeScript-only AST
 * fields (they throw on espree's tree). When it is installed where a file lives, keep that parser for the file;
 * elsewhere keep espree: linting JavaScript took 1.5–2× as long with the TypeScript parser.
 */
const typescriptEslintIn = new Map<string, boolean>();
function hasTypescriptEslint(filePath: string): boolean {
  const dir = path.resolve(path.dirname(filePath));
  let found = typescriptEslintIn.get(dir);
  if (found === undefined) {
    const requireHere = createRequire(path.join(dir, 'noop.js'));
    found = ['typescript-eslint/package.json', '@typescript-eslint/eslint-plugin/package.json'].some((id) => {
      try {
        return Boolean(requireHere.resolve(id));
      } catch {
        return false;
      }
    });
    typescriptEslintIn.set(dir, found);
  }
  return found;
}

/**
 * One config object cannot give TypeScript files one parser and JavaScript files another, and a config that is an
 * array breaks `export default [plugin.configs.recommended]` (ESLint rejects nested arrays there). So the configs
 * set this parser, which picks per file. It receives the merged `parserOptions`, so a user's own (`project`,
 * `projectService`, `ecmaFeatures`) still apply; a parser set after our config replaces it.
 */
export const parser: Linter.Parser = {
  meta: { name: 'eslint-plugin-serverless-security/parser', version },
  parseForESLint(code: string, options: Record<string, unknown> = {}) {
    const filePath = typeof options.filePath === 'string' ? options.filePath : '';
    if (TYPESCRIPT_FILE.test(filePath) || hasTypescriptEslint(filePath)) {
      return tsParser.parseForESLint(code, options) as unknown as Linter.ESLintParseResult;
    }
    // No scope manager or visitor keys: ESLint then analyses the tree itself, as it does for espree.
    return { ast: espree().parse(code, options) as Linter.ESLintParseResult['ast'] };
  },
};
