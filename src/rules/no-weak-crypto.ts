import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { hashUses, isConstantBytes, passwordIn } from '../analysis/crypto-values.js';
import { functionName, isPasswordHashingName, isPasswordHashName, targetName } from '../analysis/credentials.js';
import { CALL, findReferences, type ReferenceSpec, type TraceMap } from '../analysis/imports.js';
import { ECB_MODE, FAST_HASH_MODULES, FAST_HASHES, WEAK_CIPHERS } from '../models/crypto.js';
import { enclosingFunction, staticString, valueParent } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ ignoreAlgorithms?: string[] }];
type MessageIds = 'passwordHash' | 'legacyCipher' | 'weakCipher' | 'ecbMode' | 'constantIv';
type Node = TSESTree.Node;

interface CryptoCall {
  kind: 'createHash' | 'legacyCipher' | 'cipher' | 'hashFunction';
  algorithm?: string;
}

const NODE_CRYPTO: TraceMap<CryptoCall> = {
  createHash: { [CALL]: { kind: 'createHash' } },
  createCipher: { [CALL]: { kind: 'legacyCipher' } },
  createDecipher: { [CALL]: { kind: 'legacyCipher' } },
  createCipheriv: { [CALL]: { kind: 'cipher' } },
  createDecipheriv: { [CALL]: { kind: 'cipher' } },
};

/** Node's `crypto` and the fast-hash packages of the catalogue, resolved through their imports. */
const CRYPTO_CALLS: ReferenceSpec<CryptoCall> = {
  modules: {
    crypto: { ...NODE_CRYPTO, default: NODE_CRYPTO },
    ...Object.fromEntries(
      Object.entries(FAST_HASH_MODULES).map(([module, { call, members }]) => {
        const map: TraceMap<CryptoCall> = {};
        if (call) map[CALL] = { kind: 'hashFunction', algorithm: module.replace(/^.*[/-]/, '') };
        for (const member of members) map[member] = { [CALL]: { kind: 'hashFunction', algorithm: member } };
        return [module, { ...map, default: map }];
      }),
    ),
  },
};

export default createRule<Options, MessageIds>({
  name: 'no-weak-crypto',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow fast hashes for passwords, broken ciphers, ECB mode and constant IVs',
      recommended: 'recommended',
      cwe: ['CWE-327', 'CWE-916', 'CWE-329'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreAlgorithms: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Algorithm names accepted anyway (a legacy partner format).' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      passwordHash: '`{{name}}` is hashed with {{algorithm}}, a fast hash: a leaked hash is brute-forced quickly. Use `crypto.scrypt`, argon2 or bcrypt with a salt.',
      legacyCipher: '`{{api}}` derives its key with one MD5 round and uses no IV (removed in Node 22). Use `createCipheriv` with a random key and a fresh IV.',
      weakCipher: '{{name}} (`{{algorithm}}`) is a broken cipher: its ciphertext can be recovered. Use `aes-256-gcm` with a fresh random IV per message.',
      ecbMode: 'ECB mode (`{{algorithm}}`) encrypts equal blocks alike and leaks the plaintext’s patterns. Use `aes-256-gcm` with a fresh random IV per message.',
      constantIv: 'This IV is a constant: equal plaintexts encrypt alike, and GCM/CTR leak the key stream. Use `crypto.randomBytes()` per message, stored with it.',
    },
  },
  defaultOptions: [{ ignoreAlgorithms: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const ignored = new Set((options.ignoreAlgorithms ?? []).map((a) => a.toLowerCase()));
    const algorithmOf = (node: Node | undefined): string | null => {
      const text = node ? staticString(sourceCode, node)?.toLowerCase() : null;
      return text && !ignored.has(text) ? text : null;
    };

    /** A fast hash of a password: the hashed text, or the name the digest is stored under, says so. */
    // Have I Been Pwned's range API takes the first five hex digits of a password's SHA-1: a lookup, not storage.
    const isBreachLookup = sourceCode.text.includes('pwnedpasswords');
    const checkHash = (call: TSESTree.CallExpression, algorithm: string, hashed: Node[], results: Node[]): void => {
      if (isBreachLookup) return;
      let name = hashed.map((value) => passwordIn(sourceCode, value)).find(Boolean) ?? null;
      for (const result of results) {
        if (name) break;
        const { parent, child } = valueParent(result);
        const target = targetName(parent, child);
        if (target && isPasswordHashName(target)) name = target;
      }
      // `function hashPassword(value) { return createHash('sha256').update(value)… }`: the function says what it hashes.
      const fn = enclosingFunction(call);
      const fnName = fn && functionName(fn);
      if (!name && fnName && isPasswordHashingName(fnName)) name = fnName;
      if (name) context.report({ node: call, messageId: 'passwordHash', data: { name, algorithm: algorithm.toUpperCase() } });
    };

    return {
      'Program:exit'() {
        for (const ref of findReferences(sourceCode, CRYPTO_CALLS)) {
          const call = ref.node;
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const api = ref.path.filter((segment) => segment !== 'default').join('.').replace(/^node:/, '');
          const { kind } = ref.info;
          if (kind === 'legacyCipher') {
            context.report({ node: call, messageId: 'legacyCipher', data: { api } });
          } else if (kind === 'createHash') {
            const algorithm = algorithmOf(call.arguments[0]);
            if (!algorithm || !FAST_HASHES.has(algorithm)) continue;
            const { updates, digests } = hashUses(sourceCode, call);
            checkHash(call, algorithm, updates, digests);
          } else if (kind === 'hashFunction') {
            const algorithm = ref.info.algorithm!.toLowerCase();
            if (ignored.has(algorithm)) continue;
            // `md5(p)` or `CryptoJS.SHA256(p).toString()`: the result is the call, or its `toString()`.
            const member = call.parent;
            const stringified = member?.type === AST_NODE_TYPES.MemberExpression && member.object === call && member.parent?.type === AST_NODE_TYPES.CallExpression ? member.parent : null;
            checkHash(call, algorithm, call.arguments.slice(0, 1), [call, ...(stringified ? [stringified] : [])]);
          } else {
            const algorithm = algorithmOf(call.arguments[0]);
            if (!algorithm) continue;
            const weak = WEAK_CIPHERS.find((cipher) => cipher.pattern.test(algorithm));
            if (weak) context.report({ node: call.arguments[0]!, messageId: 'weakCipher', data: { name: weak.name, algorithm } });
            else if (ECB_MODE.test(algorithm)) context.report({ node: call.arguments[0]!, messageId: 'ecbMode', data: { algorithm } });
            else if (isConstantBytes(sourceCode, call.arguments[2])) context.report({ node: call.arguments[2]!, messageId: 'constantIv' });
          }
        }
      },
    };
  },
});
