import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { analyse, type Analysis, type InputLabel } from '../analysis/index.js';
import { calleeName, enclosingFunction, propertyName, propertyValue, resolveVariable, shortText, unwrap, walk } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'claimsUnverified' | 'noneAlgorithm';

/** What a decoding call gives back: the claims, or `{ header, payload }` (`jwt.decode(t, { complete: true })`). */
type Decoder = 'claims' | 'complete-if-asked';

/**
 * Functions that read a token's claims without checking its signature. Decoding only the header
 * (`decodeProtectedHeader`, `jwtDecode(t, { header: true })`) to pick a key is how JWKS verification starts.
 */
const DECODERS: ReferenceSpec<Decoder> = {
  modules: {
    jsonwebtoken: { decode: { [CALL]: 'complete-if-asked' } },
    jose: { decodeJwt: { [CALL]: 'claims' } },
    'jwt-decode': { [CALL]: 'claims', default: { [CALL]: 'claims' }, jwtDecode: { [CALL]: 'claims' } },
  },
};
const VERIFY_WITH_OPTIONS: ReferenceSpec<true> = { modules: { jsonwebtoken: { verify: { [CALL]: true } } } };

/** `jwt.verify`, jose `jwtVerify`, `verifier.verify` (aws-jwt-verify), `auth.verifyIdToken`, a `validateToken` helper. */
const VERIFYING_CALL = /verif|validat/i;
const BASE64 = /^base64(url)?$/;

export default createRule<[], MessageIds>({
  name: 'no-unverified-jwt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow acting on the claims of a JWT from the caller that was decoded but never verified',
      recommended: 'recommended',
      cwe: ['CWE-347'],
    },
    schema: [],
    messages: {
      claimsUnverified:
        'The claims of `{{token}}` are read without checking its signature, so the caller can forge them. Verify it (`jwt.verify`, jose `jwtVerify`) and use the result.',
      noneAlgorithm: "`algorithms` allows 'none': a token without a signature passes this check. List only the algorithms your issuer signs with.",
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        for (const ref of findReferences(sourceCode, VERIFY_WITH_OPTIONS)) {
          const algorithms = ref.node.type === AST_NODE_TYPES.CallExpression ? propertyValue(ref.node.arguments[2], 'algorithms') : null;
          if (algorithms?.type !== AST_NODE_TYPES.ArrayExpression) continue;
          const none = algorithms.elements.find((e) => e?.type === AST_NODE_TYPES.Literal && String(e.value).toLowerCase() === 'none');
          if (none) context.report({ node: none, messageId: 'noneAlgorithm' });
        }

        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        for (const ref of findReferences(sourceCode, DECODERS)) {
          const call = ref.node;
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const token = call.arguments[0];
          if (!token || token.type === AST_NODE_TYPES.SpreadElement) continue;
          // `jwtDecode(token, { header: true })` reads the header.
          if (ref.info === 'claims' && isTrue(propertyValue(call.arguments[1], 'header'))) continue;
          const complete = ref.info === 'complete-if-asked' && isTrue(propertyValue(call.arguments[1], 'complete'));
          if (complete && !readsClaims(sourceCode, call)) continue;
          reportUnverified(analysis, call, token);
        }
        for (const { decode, token } of payloadDecodes(sourceCode)) reportUnverified(analysis, decode, token);
      },
    };

    /** Reports a decoding of a token the caller sent, unless the same token is verified. */
    function reportUnverified(analysis: Analysis, decode: Node, token: Node): void {
      const labels = callerLabels(analysis, token);
      if (labels.length === 0 || isVerified(sourceCode, analysis, decode, token, labels)) return;
      context.report({ node: decode, messageId: 'claimsUnverified', data: { token: shortText(sourceCode, token) } });
    }
  },
});

function callerLabels(analysis: Analysis, node: Node): InputLabel[] {
  return analysis.flow.labelsAt(node).filter((label) => label.trust === 'caller' && !label.whole && !label.derived);
}

function isTrue(node: Node | null): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === true;
}

/**
 * Whether the same token goes through a verifying call: one in the decoding's function (or around it) that takes
 * the same text, or one anywhere in the file that takes the same part of the same caller input (a handler verifying
 * before a helper decodes).
 */
function isVerified(sourceCode: TSESLint.SourceCode, analysis: Analysis, decode: Node, token: Node, labels: readonly InputLabel[]): boolean {
  const tokenText = sourceCode.getText(unwrap(token));
  // The same read and the same part of it: `idToken` and `accessToken` of one body are different tokens.
  const inputKey = (label: InputLabel): string => `${label.source.range[0]}:${label.path}`;
  const tokens = new Set(labels.map(inputKey));
  const scopes: Node[] = [];
  for (let fn = enclosingFunction(decode); fn; fn = enclosingFunction(fn)) scopes.push(fn);
  let verified = false;
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (verified || node.type !== AST_NODE_TYPES.CallExpression || node === decode) return;
    if (!VERIFYING_CALL.test(calleeName(node.callee) ?? '')) return;
    const inScope = scopes.some((fn) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1]);
    verified = node.arguments.some(
      (argument) =>
        (inScope && sourceCode.getText(unwrap(argument)) === tokenText) ||
        analysis.flow.labelsAt(argument).some((label) => tokens.has(inputKey(label))),
    );
  });
  return verified;
}

/**
 * Whether the result of `jwt.decode(t, { complete: true })` is read for more than its header: `.payload`, or the
 * whole object handed on. `decoded.header.kid` to pick a key stays quiet.
 */
function readsClaims(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const uses: Node[] = [];
  const holder = valueHolder(call);
  if (holder.parent?.type === AST_NODE_TYPES.VariableDeclarator && holder.parent.init === holder) {
    const id = holder.parent.id;
    if (id.type === AST_NODE_TYPES.ObjectPattern) {
      return id.properties.some((p) => p.type !== AST_NODE_TYPES.Property || propertyKey(p) !== 'header');
    }
    if (id.type !== AST_NODE_TYPES.Identifier) return true;
    for (const reference of resolveVariable(sourceCode, id)?.references ?? []) {
      if (reference.isRead()) uses.push(reference.identifier);
    }
  } else {
    uses.push(holder);
  }
  return uses.some((use) => {
    const { parent } = valueParentOf(use);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === valueHolder(use)) return propertyName(parent) !== 'header';
    // `if (!decoded)`: whether it parsed says nothing about its claims.
    return !(parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') && parent?.type !== AST_NODE_TYPES.IfStatement && parent?.type !== AST_NODE_TYPES.ExpressionStatement;
  });
}

function propertyKey(property: TSESTree.Property): string | null {
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
}

/** The outermost expression that still is the value of `node` (through `await`, `as`, `!`, `?.`). */
function valueHolder(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}

function valueParentOf(node: Node): { parent: Node | undefined } {
  return { parent: valueHolder(node).parent };
}

/**
 * Hand-decoded payloads: `Buffer.from(token.split('.')[1], 'base64')` or `atob(…)` of the middle segment
 * (through `const payload = token.split('.')[1]` or `const [, payload] = token.split('.')`). The first segment is
 * the header.
 */
function payloadDecodes(sourceCode: TSESLint.SourceCode): Array<{ decode: Node; token: Node }> {
  const found: Array<{ decode: Node; token: Node }> = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || calleeName(node.callee) !== 'split') return;
    const callee = unwrap(node.callee);
    const [separator] = node.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || separator?.type !== AST_NODE_TYPES.Literal || separator.value !== '.') return;
    const token = callee.object;
    const holder = valueHolder(node);
    const parent = holder.parent;
    const segments: Node[] = [];
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === holder && parent.computed && parent.property.type === AST_NODE_TYPES.Literal && parent.property.value === 1) {
      segments.push(parent);
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.ArrayPattern) {
      const second = parent.id.elements[1];
      if (second?.type === AST_NODE_TYPES.Identifier) segments.push(...readsOf(sourceCode, second));
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier) {
      // `const sections = token.split('.')`, then `sections[1]`.
      for (const read of readsOf(sourceCode, parent.id)) {
        const index = read.parent;
        if (index?.type === AST_NODE_TYPES.MemberExpression && index.object === read && index.computed && index.property.type === AST_NODE_TYPES.Literal && index.property.value === 1) segments.push(index);
      }
    }
    for (const segment of segments) {
      const decode = base64Decoding(sourceCode, segment, 0);
      if (decode) found.push({ decode, token });
    }
  });
  return found;
}

function readsOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Node[] {
  return (resolveVariable(sourceCode, id)?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier);
}

/** The base64 decoding the segment reaches, through `const`s and `.replace(…)` (base64url to base64). */
function base64Decoding(sourceCode: TSESLint.SourceCode, segment: Node, depth: number): Node | null {
  if (depth > 3) return null;
  const holder = valueHolder(segment);
  const parent = holder.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === holder) {
    const name = calleeName(parent.callee);
    const encoding = parent.arguments[1];
    if (name === 'atob') return parent;
    if (name === 'from' && encoding?.type === AST_NODE_TYPES.Literal && BASE64.test(String(encoding.value))) return parent;
    // `base64url.decode(segment)` (the base64url package, jose), `jose.util.base64url.decode` (node-jose), `Base64.decode` (js-base64).
    const callee = unwrap(parent.callee);
    if (name === 'decode' && callee.type === AST_NODE_TYPES.MemberExpression && /^base64(url)?$/i.test(calleeName(callee.object) ?? '')) return parent;
    return null;
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === holder && /^replace(All)?$/.test(propertyName(parent) ?? '')) {
    const call = parent.parent;
    return call?.type === AST_NODE_TYPES.CallExpression ? base64Decoding(sourceCode, call, depth + 1) : null;
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier) {
    for (const read of readsOf(sourceCode, parent.id)) {
      const decode = base64Decoding(sourceCode, read, depth + 1);
      if (decode) return decode;
    }
  }
  return null;
}
