import rule from '../../src/rules/no-unsafe-deserialization.js';
import { testRule } from '../rule-tester.js';

testRule('no-unsafe-deserialization', rule, {
  valid: [
    'const data = JSON.parse(body);',
    "import yaml from 'js-yaml'; const doc = yaml.load(text);",
    "const yaml = require('js-yaml'); const doc = yaml.safeLoad(text);",
    "import serialize from 'node-serialize'; const s = serialize.serialize({ a: 1 });",
    "import vm from 'node:vm'; vm.runInNewContext(code);",
    // `vm` runs code: that is no-dynamic-code's report, not a second one here.
    "const vm = require('vm');\nexports.handler = async (event) => vm.runInNewContext('(' + event.body + ')');",
    'const unserialize = (x) => x; unserialize(body);',
    // libxml2 without entity substitution, or with it switched off.
    "import libxmljs from 'libxmljs'; const doc = libxmljs.parseXml(event.body);",
    "const libxmljs = require('libxmljs2'); libxmljs.parseXml(xml, { noent: false, noblanks: true });",
    "import { parseXml } from './xml.js'; parseXml(xml, { noent: true });",
  ],
  invalid: [
    {
      // XXE: entity substitution reads local files into the document.
      code: "const libxmljs = require('libxmljs');\nexports.handler = async (event) => libxmljs.parseXml(event.body, { noent: true }).root().text();",
      errors: [{ messageId: 'xmlEntities', data: { name: 'parseXml' }, line: 2, column: 36 }],
    },
    {
      code: "import { parseXmlString } from 'libxmljs2';\nconst doc = parseXmlString(upload, { noblanks: true, noent: true });",
      errors: [{ messageId: 'xmlEntities', data: { name: 'parseXmlString' }, line: 2, column: 13 }],
    },
    {
      code: "const serialize = require('node-serialize');\nexports.handler = async (event) => serialize.unserialize(event.body);",
      errors: [{ messageId: 'unsafeDeserializer', data: { name: 'unserialize' }, line: 2, column: 36 }],
    },
    {
      code: "import { deserialize } from 'serialize-to-js';\nconst obj = deserialize(payload);",
      errors: [{ messageId: 'unsafeDeserializer', data: { name: 'deserialize' }, line: 2, column: 13 }],
    },
    {
      code: "const funcster = require('funcster');\nfuncster.deepDeserialize(data);",
      errors: [{ messageId: 'unsafeDeserializer', line: 2, column: 1 }],
    },
    {
      // js-yaml 3 (the file uses safeLoad elsewhere): load runs !!js/function.
      code: "const yaml = require('js-yaml');\nconst a = yaml.safeLoad(x);\nconst b = yaml.load(y);",
      errors: [{ messageId: 'unsafeYaml', line: 3, column: 11 }],
    },
    {
      code: "import yaml from 'js-yaml';\nconst doc = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });",
      errors: [{ messageId: 'unsafeYaml', line: 2, column: 13 }],
    },
  ],
  tsInvalid: [
    {
      code: "import { unserialize } from 'node-serialize';\nexport const handler = async (event: { body: string }) => unserialize(event.body as string);",
      errors: [{ messageId: 'unsafeDeserializer', line: 2, column: 59 }],
    },
  ],
});
