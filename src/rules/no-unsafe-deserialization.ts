import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { analyse } from '../analysis/index.js';
import { calleeName, isConstant, propertyValue } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'unsafeDeserializer' | 'unsafeYaml' | 'xmlEntities';
type Found = { kind: 'yaml-load' | 'xml'; name: string };

const xml = (name: string) => ({ [CALL]: { kind: 'xml', name } as Found });
const LIBXMLJS = {
  parseXml: xml('parseXml'),
  parseXmlString: xml('parseXmlString'),
  parseXmlAsync: xml('parseXmlAsync'),
  default: { parseXml: xml('parseXml'), parseXmlString: xml('parseXmlString') },
};
/** Parsers that are safe or not by how they are configured; the always-unsafe deserialisers are in the catalogue. */
const DESERIALIZERS: ReferenceSpec<Found> = {
  modules: {
    'js-yaml': { load: { [CALL]: { kind: 'yaml-load', name: 'load' } }, loadAll: { [CALL]: { kind: 'yaml-load', name: 'loadAll' } } },
    libxmljs: LIBXMLJS,
    libxmljs2: LIBXMLJS,
  },
};

/** `{ noent: true }` (or `replaceEntities`): libxml2 substitutes entities, external ones included. */
function expandsEntities(call: TSESTree.CallExpression): boolean {
  return ['noent', 'replaceEntities'].some((key) => {
    const value = propertyValue(call.arguments[1], key);
    return value?.type === AST_NODE_TYPES.Literal && value.value === true;
  });
}

/** js-yaml 4's `load` is safe unless given a schema with JavaScript types; js-yaml 3's is unsafe by default. */
function yamlIsUnsafe(call: TSESTree.CallExpression, schemaText: (node: TSESTree.Node) => string, fileUsesSafeLoad: boolean): boolean {
  const schema = propertyValue(call.arguments[1], 'schema');
  if (schema) return /FULL|js[-_]?types|unsafe/i.test(schemaText(schema));
  // A file that also calls `safeLoad` is on js-yaml 3, where `load` runs `!!js/function` tags.
  return fileUsesSafeLoad;
}

export default createRule<[], MessageIds>({
  name: 'no-unsafe-deserialization',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow deserializers and parsers that run code or read files named by the data they parse',
      recommended: 'recommended',
      cwe: ['CWE-502', 'CWE-611'],
    },
    schema: [],
    messages: {
      unsafeDeserializer:
        '`{{name}}()` rebuilds functions from the data it parses, so crafted input runs code (node-serialize\'s `_$$ND_FUNC$$_`). Use `JSON.parse` and a schema.',
      unsafeYaml:
        'This YAML load accepts `!!js/function` and other JavaScript types, so crafted YAML runs code. Use js-yaml 4 `load` (or `safeLoad` on js-yaml 3).',
      xmlEntities:
        '`{{name}}()` with `noent: true` expands external entities: crafted XML reads local files or calls internal URLs (XXE, CWE-611). Drop `noent`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        // node-serialize and its kin: unsafe whatever they are given, unless it is fixed in the source.
        for (const place of analyse(context).sinks('deserialize')) {
          if (isConstant(sourceCode, place.node)) continue;
          context.report({ node: place.sink, messageId: 'unsafeDeserializer', data: { name: calleeName((place.sink as TSESTree.CallExpression).callee) ?? 'deserialize' } });
        }
        const fileUsesSafeLoad = /\bsafeLoad\s*\(/.test(sourceCode.text);
        for (const ref of findReferences(sourceCode, DESERIALIZERS)) {
          const call = ref.node;
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const [data] = call.arguments;
          if (!data || isConstant(sourceCode, data)) continue;
          if (ref.info.kind === 'xml') {
            if (expandsEntities(call)) context.report({ node: call, messageId: 'xmlEntities', data: { name: ref.info.name } });
          } else if (yamlIsUnsafe(call, (n) => sourceCode.getText(n), fileUsesSafeLoad)) {
            context.report({ node: call, messageId: 'unsafeYaml' });
          }
        }
      },
    };
  },
});
