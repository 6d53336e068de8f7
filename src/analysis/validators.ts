import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, resolveVariable, rootIdentifier, shortText, unwrap } from '../util/ast.js';
import { callsOf, importedModule, importedName } from './imports.js';
import type { CoreSettings } from './settings.js';

/**
 * What counts as validation: a schema check from a validation library, or one the user names. Parsing is not
 * validation: `JSON.parse`, `qs.parse` or optional chaining leave the input as untrusted as it was. express-validator,
 * whose chains count only where their result is checked, is modelled in express-validator.ts.
 */
const SCHEMA_LIBRARIES = [
  'zod', 'zod/v4', 'zod/mini', 'valibot', 'joi', '@hapi/joi', 'yup', 'ajv', 'ajv/dist/2020', 'superstruct',
  '@sinclair/typebox', '@sinclair/typebox/value', '@sinclair/typebox/compiler', 'io-ts', 'runtypes', 'arktype',
  'effect', '@effect/schema', 'class-validator', 'typia', '@vinejs/vine', '@aws-lambda-powertools/parser',
  '@aws-lambda-powertools/parser/schemas', '@aws-lambda-powertools/validation', 'fastest-validator', 'myzod',
];
const isSchemaLibrary = (module: string): boolean =>
  SCHEMA_LIBRARIES.includes(module) || module.startsWith('@aws-lambda-powertools/parser/');

/** Methods of a schema object that check a value: `Schema.parse(x)`, `schema.validate(x)`, `Value.Check(T, x)`. */
const SCHEMA_METHODS = new Set([
  'parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'spa', 'decode', 'decodeUnknown', 'decodeUnknownSync',
  'validate', 'validateAsync', 'validateSync', 'attempt', 'assert', 'create', 'mask', 'check', 'guard',
  'Check', 'Parse', 'Decode', 'Assert', 'Errors', 'is', 'cast',
]);

/** Functions imported from a schema library that check their argument: `parse(S, x)`, `assert(x, S)`, `validate(o)`. */
const SCHEMA_FUNCTIONS = new Set([
  'parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'create', 'assert', 'mask', 'validate', 'is',
  'validateOrReject', 'validateSync', 'assertEquals', 'assertGuard', 'equals', 'decode',
]);

/** Names that say "schema" when a schema is defined in another file: `OrderSchema`, `schemas.order`, `bodyValidator`. */
const SCHEMA_NAME = /schema|validator|struct|codec|dto$|^[A-Z]\w*(Body|Input|Request|Payload|Params|Query|Event)$/i;

/** Predicates whose names say they check their argument, trusted in guard position: `if (!isValidOrder(x)) return`. */
const PREDICATE_NAME = /^(isValid|validate|assertValid|check|verify|ensureValid)/;

/** Parsers that must never be mistaken for a schema, whatever a user names a variable. */
const PARSERS = new Set(['JSON', 'qs', 'querystring', 'url', 'URL', 'Date', 'path', 'yaml', 'YAML', 'toml', 'cookie', 'parser', 'xml2js']);

export class ValidatorCatalogue {
  private readonly schemaMemo = new Map<TSESTree.Node, boolean>();
  /** Calls of the user's validators named by module and path, found on first use. */
  private userValidatorCalls: ReadonlyMap<TSESTree.Node, unknown> | undefined;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly settings: CoreSettings,
  ) {}

  /** True for a call whose result is the validated value (or a verdict on it). */
  isValidatorCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(call.callee);
    if (this.isUserValidator(callee) || this.isImportedUserValidator(call)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = calleeName(callee);
      return !!method && SCHEMA_METHODS.has(method) && this.isSchema(callee.object, 0);
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const module = importedModule(this.sourceCode, callee);
      if (module && isSchemaLibrary(module)) return SCHEMA_FUNCTIONS.has(importedName(this.sourceCode, callee) ?? callee.name);
      return this.isCompiledValidator(callee);
    }
    return false;
  }

  /** A check in guard position: a validator, or a predicate whose name says it validates. */
  isGuardCall(call: TSESTree.CallExpression): boolean {
    if (this.isValidatorCall(call)) return true;
    const name = calleeName(call.callee);
    return !!name && PREDICATE_NAME.test(name);
  }

  private isUserValidator(callee: TSESTree.Node): boolean {
    if (this.settings.validators.length === 0) return false;
    const text = shortText(this.sourceCode, callee, 200);
    const name = calleeName(callee);
    return this.settings.validators.some((v) => v === text || v === name);
  }

  /** `check(x)` with `check` imported from the module a `validators` entry names; a local `check` is not it. */
  private isImportedUserValidator(call: TSESTree.CallExpression): boolean {
    if (this.settings.validatorFunctions.length === 0) return false;
    this.userValidatorCalls ??= callsOf(this.sourceCode, this.settings.validatorFunctions);
    return this.userValidatorCalls.has(call);
  }

  /** `const validate = ajv.compile(schema)`, `TypeCompiler.Compile(T)`: a function that checks its argument. */
  private isCompiledValidator(identifier: TSESTree.Identifier): boolean {
    const init = initOf(this.sourceCode, identifier);
    if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
    const name = calleeName(init.callee);
    return (name === 'compile' || name === 'Compile' || name === 'getSchema') && this.isSchema(init.callee, 0);
  }

  /** Whether an expression is a schema (or a schema library's namespace), by where it comes from or its name. */
  isSchema(node: TSESTree.Node, depth: number): boolean {
    const cached = this.schemaMemo.get(node);
    if (cached !== undefined) return cached;
    const result = this.computeIsSchema(node, depth);
    this.schemaMemo.set(node, result);
    return result;
  }

  private computeIsSchema(node: TSESTree.Node, depth: number): boolean {
    const required = requiredModuleAtBase(node);
    if (required) return isSchemaLibrary(required);
    const root = rootIdentifier(node);
    if (!root || PARSERS.has(root.name) || depth > 6) return false;
    const module = importedModule(this.sourceCode, root);
    if (module) {
      if (isSchemaLibrary(module)) return true;
      return SCHEMA_NAME.test(root.name) || /schema|validat|dto|contract/i.test(module);
    }
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.MemberExpression && SCHEMA_NAME.test(calleeName(value) ?? '')) return true;
    const init = initOf(this.sourceCode, root);
    if (init) return this.isSchema(init, depth + 1);
    // A schema passed in as a parameter or defined out of sight: trust a name that says so.
    return SCHEMA_NAME.test(root.name);
  }
}

/** `'zod'` for `require('zod').z.object(…)`: the module a member/call chain starts from, if it starts at require. */
function requiredModuleAtBase(node: TSESTree.Node): string | null {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
        const [argument] = current.arguments;
        return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
      }
      current = callee;
    } else return null;
  }
}

/** The initialiser of the variable an identifier names (`const S = z.object(…)` → `z.object(…)`), if any. */
function initOf(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | null {
  const definition = resolveVariable(sourceCode, identifier)?.defs[0];
  return definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
}
