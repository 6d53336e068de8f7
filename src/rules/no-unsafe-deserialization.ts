import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CALL, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { analyse } from '../analysis/index.js';
import { isConstant, propertyValue } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'unsafeDeserializer' | 'unsafeYaml' | 'vmParse' | 'xmlEntities';
type Found = { kind: 'deserializer' | 'yaml-load' | 'vm' | 'xml'; name: string };

const deserializer = (name: string) => ({ [CALL]: { kind: 'deserializer', name } as Found });
const vm = (name: string) => ({ [CALL]: { kind: 'vm', name } as Found });
const xml = (name: string) => ({ [CALL]: { kind: 'xml', name } as Found });
const LIBXMLJS = {
  parseXml: xml('parseXml'),
  parseXmlString: xml('parseXmlString'),
  parseXmlAsync: xml('parseXmlAsync'),
  default: { parseXml: xml('parseXml'), parseXmlString: xml('parseXmlString') },
};
const DESERIALIZERS: ReferenceSpec<Found> = {
  modules: {
    'node-serialize': { unserialize: deserializer('unserialize') },
    'serialize-to-js': { deserialize: deserializer('deserialize') },
    funcster: { deepDeserialize: deserializer('deepDeserialize'), deserialize: deserializer('deserialize') },
    'js-yaml': { load: { [CALL]: { kind: 'yaml-load', name: 'load' } }, loadAll: { [CALL]: { kind: 'yaml-load', name: 'loadAll' } } },
    vm: { runInNewContext: vm('runInNewContext'), runInThisContext: vm('runInThisContext'), runInContext: vm('runInContext') },
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
      vmParse:
        'Handler input (`{{path}}`) is parsed with `vm.{{name}}()`, which runs it; `vm` is not a sandbox. Use `JSON.parse` and validate the result with a schema.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const fileUsesSafeLoad = /\bsafeLoad\s*\(/.test(sourceCode.text);
        for (const ref of findReferences(sourceCode, DESERIALIZERS)) {
          const call = ref.node;
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const [data] = call.arguments;
          if (!data || isConstant(sourceCode, data)) continue;
          if (ref.info.kind === 'deserializer') {
            context.report({ node: call, messageId: 'unsafeDeserializer', data: { name: ref.info.name } });
          } else if (ref.info.kind === 'xml') {
            if (expandsEntities(call)) context.report({ node: call, messageId: 'xmlEntities', data: { name: ref.info.name } });
          } else if (ref.info.kind === 'yaml-load') {
            if (yamlIsUnsafe(call, (n) => sourceCode.getText(n), fileUsesSafeLoad)) context.report({ node: call, messageId: 'unsafeYaml' });
          } else {
            const label = analyse(context).flow.labelOf(data);
            if (label && !label.derived && !label.whole) {
              context.report({ node: call, messageId: 'vmParse', data: { name: ref.info.name, path: label.sourcePath } });
            }
          }
        }
      },
    };
  },
});
