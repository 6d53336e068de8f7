import rule from '../../src/rules/no-dynamic-code.js';
import { testRule } from '../rule-tester.js';

testRule('no-dynamic-code', rule, {
  valid: [
    // A local named eval is not the global evaluator.
    // Methods and properties named eval on unrelated objects.
    'model.eval(); torch.eval(input);',
    'const o = { eval: 1 }; o.eval;',
    // Timers with functions.
    'setTimeout(() => tick(), 10);',
    'setTimeout(fn, 10); setInterval(function () {}, 1000); setImmediate(flush);',
    // vm with code fixed in the source.
    'import vm from "node:vm"; vm.runInNewContext("1 + 1", {});',
    'const vm = require("vm"); new vm.Script("x = 1");',
    // A `vm` object that is not node's vm module.
    'const vm = createViewModel(); vm.runInNewContext(code);',
    // Functions that merely share a name with a dangerous one.
    'const Function = class {}; new Function(body);',
    // Templates from the deployment package, with the caller's values as data; modules named in the source.
    "const _ = require('lodash');\nconst fs = require('fs');\nconst page = _.template(fs.readFileSync('./page.html', 'utf8'));\nexports.handler = async (event) => ({ statusCode: 200, body: page({ name: JSON.parse(event.body).name }) });",
    "const handlers = { a: require('./a'), b: require('./b') };\nexports.handler = async (event) => handlers[event.pathParameters.kind === 'a' ? 'a' : 'b'].run();",
    // The Function constructor with a body fixed in the source (the global-object idiom).
    "const globalObject = Function('return this')(); const f = new Function('a', 'b', 'return a + b');",
    // A code entry of the user's own catalogue, given fixed code.
    {
      code: "import { compile } from './rules-engine.js';\ncompile('amount > 100');",
      settings: { 'serverless-security': { sinks: [{ kind: 'code', module: './rules-engine.js', path: ['compile'] }] } },
    },
  ],
  invalid: [
    {
      // Server-side template injection: the caller writes the template.
      code: "import Handlebars from 'handlebars';\nimport ejs from 'ejs';\nexport const handler = async (event) => {\n  const { template, name } = JSON.parse(event.body);\n  return { statusCode: 200, body: Handlebars.compile(template)({ name }) + ejs.render(template, { name }) };\n};",
      errors: [
        { messageId: 'templateFromInput', data: { name: 'Handlebars.compile()', path: 'event.body.template' }, line: 5, column: 54 },
        { messageId: 'templateFromInput', data: { name: 'ejs.render()', path: 'event.body.template' }, line: 5, column: 87 },
      ],
    },
    {
      code: 'exports.handler = async (event) => {\n  const plugin = require(`./plugins/${event.pathParameters.name}`);\n  return { statusCode: 200, body: plugin.run() };\n};',
      errors: [{ messageId: 'moduleFromInput', data: { path: 'event.pathParameters.name' }, line: 2, column: 26 }],
    },
    {
      code: 'exports.handler = async (event) => eval(event.body);',
      errors: [
        {
          messageId: 'eval',
          line: 1,
          column: 36,
          suggestions: [
            { messageId: 'suggestJsonParse', output: 'exports.handler = async (event) => JSON.parse(event.body);' },
          ],
        },
      ],
    },
    {
      code: 'const x = eval("(" + input + ")");',
      errors: [
        {
          messageId: 'eval',
          line: 1,
          column: 11,
          suggestions: [{ messageId: 'suggestJsonParse', output: 'const x = JSON.parse("(" + input + ")");' }],
        },
      ],
    },
    { code: 'eval(a, b);', errors: [{ messageId: 'eval', line: 1, column: 1, suggestions: [] }] },
    {
      code: '(0, eval)(code);',
      errors: [
        {
          messageId: 'indirectEval',
          line: 1,
          column: 1,
          suggestions: [{ messageId: 'suggestJsonParse', output: '(JSON.parse)(code);' }],
        },
      ],
    },
    { code: 'callLater(eval, code);', errors: [{ messageId: 'indirectEval', line: 1, column: 11 }] },
    // The evaluator as a timer's callback is still handed on (and the timer's argument is no string).
    { code: 'setTimeout(eval, 10);', errors: [{ messageId: 'indirectEval', line: 1, column: 12 }] },
    {
      code: 'eval(eval);',
      errors: [
        { messageId: 'eval', line: 1, column: 1, suggestions: [{ messageId: 'suggestJsonParse', output: 'JSON.parse(eval);' }] },
        { messageId: 'indirectEval', line: 1, column: 6 },
      ],
    },
    {
      code: 'globalThis.eval(code);',
      errors: [
        {
          messageId: 'indirectEval',
          line: 1,
          column: 1,
          suggestions: [{ messageId: 'suggestJsonParse', output: 'JSON.parse(code);' }],
        },
      ],
    },
    {
      code: 'window.eval(code);',
      errors: [
        { messageId: 'indirectEval', line: 1, column: 1, suggestions: [{ messageId: 'suggestJsonParse', output: 'JSON.parse(code);' }] },
      ],
    },
    {
      code: 'const run = eval; run(code);',
      errors: [
        {
          messageId: 'indirectEval',
          line: 1,
          column: 19,
          suggestions: [{ messageId: 'suggestJsonParse', output: 'const run = eval; JSON.parse(code);' }],
        },
      ],
    },
    { code: 'const f = new Function("a", body);', errors: [{ messageId: 'functionConstructor', data: { call: 'new Function()' }, line: 1, column: 11 }] },
    { code: 'const f = Function(body);', errors: [{ messageId: 'functionConstructor', data: { call: 'Function()' }, line: 1, column: 11 }] },
    {
      code: 'setTimeout("refresh()", 100);',
      errors: [{ messageId: 'stringTimer', data: { name: 'setTimeout' }, line: 1, column: 12 }],
    },
    {
      code: 'setInterval(`poll(${id})`, 100); setImmediate("go()" + x);',
      errors: [
        { messageId: 'stringTimer', line: 1, column: 13 },
        { messageId: 'stringTimer', line: 1, column: 47 },
      ],
    },
    {
      code: 'const code = "tick()"; setTimeout(code, 5);',
      errors: [{ messageId: 'stringTimer', line: 1, column: 35 }],
    },
    {
      code: 'import vm from "node:vm";\nvm.runInNewContext(event.body, {});',
      errors: [{ messageId: 'vmCode', data: { name: 'vm.runInNewContext()' }, line: 2, column: 1 }],
    },
    {
      code: 'import { runInThisContext as run } from "vm";\nrun(src);',
      errors: [{ messageId: 'vmCode', data: { name: 'vm.runInThisContext()' }, line: 2, column: 1 }],
    },
    {
      code: 'const { Script } = require("node:vm");\nconst s = new Script(source);',
      errors: [{ messageId: 'vmCode', data: { name: 'new vm.Script()' }, line: 2, column: 11 }],
    },
    {
      code: 'import * as vm from "vm";\nvm.compileFunction(body, ["a"]); vm.runInContext(code, ctx);',
      errors: [
        { messageId: 'vmCode', line: 2, column: 1 },
        { messageId: 'vmCode', line: 2, column: 34 },
      ],
    },
    // A spread hands over the code as it is at run time (typebox's `Evaluate(...args)`).
    { code: 'eval(...args);', errors: [{ messageId: 'eval', line: 1, column: 1, suggestions: [] }] },
    {
      code: 'export const evaluate = (...args) => new globalThis.Function(...args)();',
      errors: [{ messageId: 'functionConstructor', data: { call: 'new Function()' }, line: 1, column: 38 }],
    },
    {
      code: 'import vm from "node:vm";\nvm.runInNewContext(...parts);',
      errors: [{ messageId: 'vmCode', data: { name: 'vm.runInNewContext()' }, line: 2, column: 1 }],
    },
    // The user's own catalogue: a code entry in the settings is this rule's too.
    {
      code: "import { compile } from './rules-engine.js';\nexport const handler = async (event) => compile(event.body);",
      settings: { 'serverless-security': { sinks: [{ kind: 'code', module: './rules-engine.js', path: ['compile'] }] } },
      errors: [{ messageId: 'codeFromValue', data: { name: '`compile()`' }, line: 2, column: 41 }],
    },
  ],
  tsValid: [
    // A local named eval (legal in sloppy-mode scripts) is not the global evaluator.
    'function run(input) { var eval = function (x) { return x; }; return eval(input); }',
    'const run = (eval: (s: string) => unknown, s: string) => eval(s);',
    'declare const model: { eval(): void }; model.eval();',
    'setTimeout((() => tick()) as () => void, 10);',
  ],
  tsInvalid: [
    {
      code: 'export const handler = async (event: { body: string }) => eval(event.body as string);',
      errors: [
        {
          messageId: 'eval',
          line: 1,
          column: 59,
          suggestions: [
            {
              messageId: 'suggestJsonParse',
              output: 'export const handler = async (event: { body: string }) => JSON.parse(event.body as string);',
            },
          ],
        },
      ],
    },
    {
      code: 'import * as vm from "node:vm";\nvm.runInNewContext(code as string);',
      errors: [{ messageId: 'vmCode', line: 2, column: 1 }],
    },
  ],
});
