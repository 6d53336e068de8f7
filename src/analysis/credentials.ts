import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CREDENTIAL_HEADER,
  PASSWORD_WORDS,
  HASH_WORDS,
  PUBLIC_TOKEN_QUALIFIERS,
  SECRET_CODE_QUALIFIERS,
  SESSION_WORDS,
  UNGUESSABLE_WORDS,
} from '../models/crypto.js';
import { keyName, propertyName, resolveVariable, unwrap, valueParent, type FunctionNode } from '../util/ast.js';
import { isSecretName, words } from './secrets.js';

type Node = TSESTree.Node;

/** Files that are tests, benchmarks or type tests: their credentials and random ids are fixtures. */
const TEST_FILE = /(?:^|[/\\])(?:__tests__|__mocks__|__fixtures__|benchmarks?)[/\\]|\.(?:test|spec|perf|tst|bench)\.[cm]?[jt]sx?$/;
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}

/** `password`, `newPwd`, `user.passphrase`: a name whose value is a password. */
export function isPasswordName(name: string): boolean {
  if (!/pass|pwd|pw/i.test(name)) return false;
  return PASSWORD_WORDS.has(words(name).at(-1) ?? '');
}

/** `passwordHash`, `hashedPassword`, `pwdDigest`: a name whose value is a password's hash. */
export function isPasswordHashName(name: string): boolean {
  const parts = words(name);
  return parts.some((w) => PASSWORD_WORDS.has(w)) && parts.some((w) => HASH_WORDS.has(w)) && parts.every((w) => PASSWORD_WORDS.has(w) || HASH_WORDS.has(w) || w === 'user' || w === 'new' || w === 'old');
}

/** `hashPassword`, `verifyPwd`, `encryptPassword`: a function whose work is a password's hash. */
export function isPasswordHashingName(name: string): boolean {
  const parts = words(name);
  const last = parts.at(-1) ?? '';
  const verbs = ['hash', 'hashed', 'encrypt', 'digest', 'verify', 'check', 'compare', 'match', 'matches'];
  if (PASSWORD_WORDS.has(last)) return parts.slice(0, -1).some((w) => verbs.includes(w));
  return verbs.includes(last) && PASSWORD_WORDS.has(parts.at(-2) ?? '');
}

/**
 * Names whose value an attacker must not guess: tokens, session ids, reset and OTP codes, passwords, nonces,
 * salts, API keys. `nextToken`, `requestId`, `retryDelay`, `colorIndex` are not.
 */
export function isUnguessableName(name: string): boolean {
  const parts = words(name);
  const last = parts.at(-1);
  if (!last) return false;
  const before = parts.at(-2);
  if (before && PUBLIC_TOKEN_QUALIFIERS.has(before)) return false;
  if (UNGUESSABLE_WORDS.has(last)) return true;
  if (before && SESSION_WORDS.has(before) && ['id', 'key', 'token', 'secret'].includes(last)) return true;
  if (last === 'code' || last === 'codes') return !!before && SECRET_CODE_QUALIFIERS.has(before);
  if (before && UNGUESSABLE_WORDS.has(before) && ['code', 'value', 'str', 'string', 'hex', 'bytes'].includes(last)) return true;
  if (last === 'token' || last === 'tokens') return true;
  return isSecretName(name);
}

/**
 * Names of values that are secrets to compare against: `apiKey`, `WEBHOOK_SECRET`, `expectedSignature`, `hmac`.
 * `tokenIssuer`, `secretArn`, `nextToken` are not.
 */
export function isSecretLikeName(name: string): boolean {
  if (isSecretName(name)) return true;
  if (!/sig|hmac/i.test(name)) return false;
  const last = words(name).at(-1);
  return last === 'signature' || last === 'sig' || last === 'hmac';
}

const HEADER_HOLDER = /^(?:headers?|multiValueHeaders)$/i;
const REQUEST_HOLDER = /^(?:headers?|req|request|ctx|context|c)$/;

/** `headers['x-api-key']`, `headers.authorization`, `req.get('x-hub-signature')`: a credential header's value (or a query parameter). */
export function isCredentialHeaderRead(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(value);
    const holder = readName(value.object);
    return !!name && !!holder && CREDENTIAL_HEADER.test(name) && HEADER_HOLDER.test(holder);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(value.callee);
  const [header] = value.arguments;
  const holder = readName(value.callee.object);
  // `request.nextUrl.searchParams.get('secret')`, `new URL(req.url).searchParams.get('token')`: the query string.
  if (method === 'get' && holder === 'searchParams' && header?.type === AST_NODE_TYPES.Literal) return true;
  return (
    (method === 'get' || method === 'header' || method === 'getHeader') &&
    header?.type === AST_NODE_TYPES.Literal && typeof header.value === 'string' && CREDENTIAL_HEADER.test(header.value) &&
    !!holder && REQUEST_HOLDER.test(holder)
  );
}

/** The name an expression is read through: `password` for `password`, `req.body.password`, `user['pwd']`. */
export function readName(node: Node): string | null {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) return propertyName(value);
  return null;
}

/** The name a value is given where it is written: a variable, a property, an assignment's target. */
export function targetName(parent: Node | undefined, child: Node): string | null {
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === child ? keyName(parent) : null;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child ? readName(parent.left) : null;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child && parent.left.type === AST_NODE_TYPES.Identifier ? parent.left.name : null;
    default:
      return null;
  }
}

/** The name a function is known by: its declaration, the variable, property or method it is assigned to. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const { parent, child } = valueParent(fn);
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) return keyName(parent);
  return targetName(parent, child);
}

/** The `const`/`let` initialiser an identifier names, when it is written once: where the value came from. */
export function initialiserOf(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): Node | null {
  const variable = resolveVariable(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const declarator = variable.defs[0]!.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  if (variable.references.some((r) => r.isWrite() && r.identifier !== declarator.id)) return null;
  return declarator.init ?? null;
}

/** How a file can name Node's `crypto` module and its functions, for suggestions that call into it. */
export interface CryptoNames {
  /** The local name of the module object (`crypto` in `import crypto from 'node:crypto'`), if any. */
  module: string | null;
  /** Local names of functions imported from it: `randomInt` → `randomInt` (or its alias). */
  functions: Map<string, string>;
}

export function cryptoNames(sourceCode: TSESLint.SourceCode): CryptoNames {
  let module: string | null = null;
  const functions = new Map<string, string>();
  const isCrypto = (source: unknown): boolean => source === 'crypto' || source === 'node:crypto';
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && isCrypto(statement.source.value) && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) module = specifier.local.name;
        else if (specifier.importKind !== 'type') {
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
          functions.set(imported, specifier.local.name);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrap(declarator.init);
        const required = init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require' && init.arguments[0]?.type === AST_NODE_TYPES.Literal ? init.arguments[0].value : null;
        if (!isCrypto(required)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) module = declarator.id.name;
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            const name = property.type === AST_NODE_TYPES.Property ? keyName(property) : null;
            if (name && property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) functions.set(name, property.value.name);
          }
        }
      }
    }
  }
  return { module, functions };
}
