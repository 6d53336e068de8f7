import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isConstant, propertyName, resolveVariable, unwrap } from '../util/ast.js';

type Node = TSESTree.Node;

/**
 * How a query or command string was put together, for the injection rules: whether it mixes values into its text
 * (a template literal with expressions, `+` with a non-constant operand, `.concat()`, or a variable built that way,
 * also with `+=`), and the constant text around those values (to tell SQL from a shell command).
 */
export interface BuiltString {
  /** The constant pieces, joined with `?` where a value goes. */
  text: string;
  /** The expressions mixed into the text. */
  values: Node[];
}

const builtCache = new WeakMap<Node, BuiltString | null>();

export function builtString(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): BuiltString | null {
  const value = unwrap(node);
  // Remembered per node: a parser's `s += …` in a loop, with each piece built from other such variables, would
  // otherwise be read again at every level (and a variable built from itself would never end).
  if (builtCache.has(value)) return builtCache.get(value)!;
  builtCache.set(value, null);
  const built = computeBuiltString(sourceCode, value, depth);
  builtCache.set(value, built);
  return built;
}

function computeBuiltString(sourceCode: TSESLint.SourceCode, value: Node, depth: number): BuiltString | null {
  if (depth > 4 || isConstant(sourceCode, value)) return null;
  switch (value.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      if (value.expressions.length === 0) return null;
      const text = value.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');
      return { text, values: value.expressions };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (value.operator !== '+') return null;
      const pieces = [value.left, value.right].map((operand) => piece(sourceCode, operand, depth));
      return { text: pieces.map((p) => p.text).join(''), values: pieces.flatMap((p) => p.values) };
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'concat') return null;
      const base = piece(sourceCode, callee.object, depth);
      if (!base.text) return null;
      const rest = value.arguments.map((a) => piece(sourceCode, a, depth));
      return { text: base.text + rest.map((p) => p.text).join(''), values: [...base.values, ...rest.flatMap((p) => p.values)] };
    }
    case AST_NODE_TYPES.Identifier:
      return builtVariable(sourceCode, value, depth);
    default:
      return null;
  }
}

/** One operand of a concatenation: its constant text, or a value slot. */
function piece(sourceCode: TSESLint.SourceCode, node: Node, depth: number): BuiltString {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return { text: value.value, values: [] };
  if (value.type === AST_NODE_TYPES.Literal) return { text: String(value.value), values: [] };
  const built = builtString(sourceCode, value, depth + 1);
  if (built) return built;
  if (isConstant(sourceCode, value)) return { text: '', values: [] };
  return { text: '?', values: [value] };
}

/** `let sql = 'SELECT …' + id;` or `sql += ' WHERE x = ' + v;` — a local variable whose text was built. */
const variableCache = new WeakMap<TSESLint.Scope.Variable, BuiltString | null>();

function builtVariable(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier, depth: number): BuiltString | null {
  const variable = resolveVariable(sourceCode, identifier);
  if (!variable || variable.defs.length === 0) return null;
  if (variableCache.has(variable)) return variableCache.get(variable)!;
  variableCache.set(variable, null);
  const built = builtFromWrites(sourceCode, variable, depth);
  variableCache.set(variable, built);
  return built;
}

function builtFromWrites(sourceCode: TSESLint.SourceCode, variable: TSESLint.Scope.Variable, depth: number): BuiltString | null {
  const texts: string[] = [];
  const values: Node[] = [];
  let built = false;
  for (const reference of variable.references) {
    const write = reference.writeExpr;
    if (!write || !reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    const appended = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '+=';
    const part = builtString(sourceCode, write, depth + 1);
    if (part) {
      built = true;
      texts.push(part.text);
      values.push(...part.values);
    } else if (appended && !isConstant(sourceCode, write)) {
      built = true;
      texts.push('?');
      values.push(write);
    } else if (write.type === AST_NODE_TYPES.Literal && typeof write.value === 'string') {
      texts.push(write.value);
    } else if (write.type === AST_NODE_TYPES.TemplateLiteral && write.expressions.length === 0) {
      texts.push(write.quasis[0]?.value.cooked ?? '');
    }
  }
  return built ? { text: texts.join(' '), values } : null;
}

/** A statement (stricter than `looksLikeSql`: prose says "where" too). */
const SQL_STATEMENT = /\b(?:select\b[\s\S]{0,400}?\bfrom|insert\s+into|delete\s+from|update\s+[\w"`$.{}]+\s+set\b|where\s+[\w"`.]+\s*(?:=|like\b|in\b|<|>)|drop\s+table|create\s+table|alter\s+table|truncate\s+table|exec(?:ute)?\s+\w)/i;

const statementCache = new WeakMap<TSESTree.Program, boolean>();

/**
 * Whether the file's strings hold an SQL statement: without one, no call there runs SQL text the file wrote. The
 * whole text is scanned first (most files fail there); a match counts only if the strings and templates alone,
 * without the comments, still hold one.
 */
export function holdsSqlStatement(sourceCode: TSESLint.SourceCode): boolean {
  const program = sourceCode.ast;
  let holds = statementCache.get(program);
  if (holds === undefined) {
    holds = SQL_STATEMENT.test(sourceCode.text);
    if (holds && program.tokens) {
      const strings: string[] = [];
      for (const token of program.tokens) if (token.type === 'String' || token.type === 'Template') strings.push(token.value);
      holds = SQL_STATEMENT.test(strings.join(' '));
    }
    statementCache.set(program, holds);
  }
  return holds;
}

/** SQL in the constant text: a statement keyword followed by the words that make it a statement. */
export function looksLikeSql(text: string): boolean {
  return /\b(?:select\b[\s\S]*\bfrom|insert\s+into|update\b[\s\S]*\bset|delete\s+from|where\b|order\s+by|group\s+by|values\s*\(|drop\s+table|create\s+table|alter\s+table|truncate\s+table|exec(?:ute)?\s+\w)/i.test(
    text,
  );
}

/**
 * A value fixed at deploy time: `process.env.X`, or a `const` holding one (`const { TABLE } = process.env`,
 * `const region = process.env.AWS_REGION ?? 'us-east-1'`). Mixing those into a query or command is configuration.
 */
export function isDeployTimeValue(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): boolean {
  const value = unwrap(node);
  if (isConstant(sourceCode, value)) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(value.object);
    return object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'env' && unwrap(object.object).type === AST_NODE_TYPES.Identifier && (unwrap(object.object) as TSESTree.Identifier).name === 'process';
  }
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isDeployTimeValue(sourceCode, value.left, depth) && isDeployTimeValue(sourceCode, value.right, depth);
  if (value.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const def = resolveVariable(sourceCode, value)?.defs[0];
  const declarator = def?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.kind !== 'const' || !declarator.init) return false;
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    const init = unwrap(declarator.init);
    return init.type === AST_NODE_TYPES.MemberExpression && propertyName(init) === 'env';
  }
  return isDeployTimeValue(sourceCode, declarator.init, depth + 1);
}

/** Whether any value mixed into a string is a parameter of the function around it (a helper building text). */
export function usesParameter(sourceCode: TSESLint.SourceCode, values: readonly Node[]): boolean {
  return values.some((node) => {
    const root = unwrap(node).type === AST_NODE_TYPES.Identifier ? (unwrap(node) as TSESTree.Identifier) : null;
    return !!root && resolveVariable(sourceCode, root)?.defs[0]?.type === 'Parameter';
  });
}
