import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

const lint = (code: string, settings: Record<string, unknown>, rule = 'no-sql-injection') => {
  const linter = new Linter();
  return linter.verify(code, [{ plugins: { s: { rules } as never }, rules: { [`s/${rule}`]: 'error' }, settings: { 'serverless-security': settings } }]);
};

const RUN_QUERY = `import { runQuery } from './db.js';
export const handler = async (event) => runQuery(event.queryStringParameters.sql);`;

describe("settings['serverless-security']", () => {
  it('adds the user\'s sinks to the catalogue: runQuery from ./db.js runs SQL', () => {
    expect(lint(RUN_QUERY, {})).toEqual([]);
    const messages = lint(RUN_QUERY, { sinks: [{ kind: 'sql', module: './db.js', path: ['runQuery'] }] });
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['sqlFromInput', 2, 50]]);
  });

  it('takes the argument position from `argument`', () => {
    const code = `import { run } from './db.js';\nexport const handler = async (event) => run('main', event.queryStringParameters.sql);`;
    expect(lint(code, { sinks: [{ kind: 'sql', module: './db.js', path: ['run'] }] })).toEqual([]);
    expect(lint(code, { sinks: [{ kind: 'sql', module: './db.js', path: ['run'], argument: 1 }] })).toHaveLength(1);
  });

  it("adds the user's sanitisers", () => {
    const code = `const clean = (s) => s.replace(/[<>]/g, '');\nexports.api = (req, res) => { res.send(\`<p>\${clean(req.query.q)}</p>\`); };`;
    expect(lint(code, {}, 'no-unvalidated-event')).toHaveLength(1);
    expect(lint(code, { sanitizers: [{ kind: 'html', path: ['clean'] }] }, 'no-unvalidated-event')).toEqual([]);
    // A sanitiser for HTML does not make a path safe.
    expect(lint(code, { sanitizers: [{ kind: 'path', path: ['clean'] }] }, 'no-unvalidated-event')).toHaveLength(1);
  });

  it("adds the user's sources: what parseEvent from a helper library returns is the caller's", () => {
    const code = `import { parseEvent } from '@company/lambda-utils';
import { runQuery } from './db.js';
export const handler = async (event) => runQuery(parseEvent(event).sql);`;
    const sinks = [{ kind: 'sql', module: './db.js', path: ['runQuery'] }];
    expect(lint(code, { sinks })).toEqual([]);
    const messages = lint(code, { sinks, sources: [{ module: '@company/lambda-utils', path: ['parseEvent'] }] });
    expect(messages.map((m) => [m.messageId, m.line, m.column, m.message.split(',')[0]])).toEqual([['sqlFromInput', 3, 50, 'This SQL is built from `parseEvent()`']]);
  });

  it.each([
    [{ sinks: [{ kind: 'sqll', module: './db.js', path: ['q'] }] }, /sinks\[0\] has an unknown kind/],
    [{ sinks: [{ kind: 'sql', path: [] }] }, /sinks\[0\] needs `path`/],
    [{ sinks: [{ kind: 'sql', path: ['q'], arg: 1 }] }, /sinks\[0\] has an unknown key `arg`/],
    [{ sinks: [{ kind: 'sql', path: ['q'] }, 'runQuery'] }, /sinks\[1\] must be an object/],
    [{ sinks: { kind: 'sql' } }, /sinks must be an array/],
    [{ sanitizers: [{ kind: 'html' }] }, /sanitizers\[0\] needs `path`/],
  ])('rejects a malformed entry, naming it: %j', (settings, message) => {
    expect(() => lint('exports.handler = async (event) => event;', settings)).toThrow(message);
  });

  const configurationError = (settings: Record<string, unknown>): string => {
    try {
      lint('exports.handler = async (event) => event;', settings);
    } catch (error) {
      // ESLint adds where it happened on lines of its own.
      return (error as Error).message.split('\n')[0]!.replace(/^serverless-security: /, '');
    }
    return 'no error';
  };
  const PREFIX = "settings['serverless-security'].";

  it.each([
    [{ sources: 'readBody' }, 'sources must be an array'],
    [{ sources: ['readBody'] }, 'sources[0] must be an object: "readBody"'],
    [{ sources: [{ module: './http.js', path: ['readBody'], kind: 'sql' }] }, 'sources[0] has an unknown key `kind`: {"module":"./http.js","path":["readBody"],"kind":"sql"}'],
    [{ sources: [{ module: './http.js', path: ['readBody'] }, { module: './http.js' }] }, 'sources[1] needs `path`, the names from the module or global to the function: {"module":"./http.js"}'],
    [{ sources: [{ module: './http.js', path: ['body', ''] }] }, 'sources[0] needs `path`, the names from the module or global to the function: {"module":"./http.js","path":["body",""]}'],
    [{ sources: [{ module: 42, path: ['readBody'] }] }, 'sources[0] has a `module` that is not a module name: {"module":42,"path":["readBody"]}'],
    [{ sources: [{ path: ['readBody'], trust: 'platform' }] }, 'sources[0] has an unknown trust (one of caller, uploader, internal): {"path":["readBody"],"trust":"platform"}'],
    [{ validators: 'checkOrder' }, 'validators must be an array'],
    [{ validators: ['checkOrder', 42] }, 'validators[1] must be a name or an object: 42'],
    [{ validators: [{ module: './validate.js', path: [] }] }, 'validators[0] needs `path`, the names from the module or global to the function: {"module":"./validate.js","path":[]}'],
    [{ validators: [{ module: './validate.js', path: ['checkOrder'], trust: 'caller' }] }, 'validators[0] has an unknown key `trust`: {"module":"./validate.js","path":["checkOrder"],"trust":"caller"}'],
  ])('rejects a malformed source or validator, naming it: %j', (settings, message) => {
    expect(configurationError(settings)).toBe(`${PREFIX}${message}`);
  });

  it('accepts well-formed sources and validators, strings among the validators', () => {
    const settings = {
      sources: [{ module: '@company/lambda-utils', path: ['parseEvent'] }, { path: 'currentQuery', trust: 'internal' }],
      validators: ['checkOrder', { module: './validate.js', path: ['schemas', 'check'] }],
    };
    expect(configurationError(settings)).toBe('no error');
  });
});
