import { describe, expect, it } from 'vitest';
import { codeMatches, substringCover } from '../../src/util/text.js';
import { holdsSqlStatement } from '../../src/analysis/strings.js';
import { analyseCode } from './analyse.js';

const PUBLIC = /public-read|grantPublicAccess/;

describe('pre-checks read the code, not its comments', () => {
  const cases: Array<[string, string, boolean]> = [
    ['a name only in a line comment', "// set ACL: 'public-read' to share\nconst acl = 'private';", false],
    ['a name only in a block comment', "/**\n * @example bucket.grantPublicAccess()\n */\nexport const x = 1;", false],
    ['the name in a string', "const params = { ACL: 'public-read' };", true],
    ['the name in a call after a comment that also names it', "// grantPublicAccess is dangerous\nbucket.grantPublicAccess();", true],
    ['a file without comments', 'bucket.grantPublicAccess();', true],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => {
      const { sourceCode } = analyseCode(code);
      expect(codeMatches(sourceCode, PUBLIC)).toBe(expected);
    });
  }

  it('an SQL statement counts only in strings and templates', () => {
    expect(holdsSqlStatement(analyseCode('// select the rows from the table where id = 1\nrun(x);').sourceCode)).toBe(false);
    expect(holdsSqlStatement(analyseCode("run('SELECT name FROM users WHERE id = ' + id);").sourceCode)).toBe(true);
    expect(holdsSqlStatement(analyseCode('run(`DELETE FROM users WHERE id = ${id}`);').sourceCode)).toBe(true);
  });
});

describe('substringCover', () => {
  it('every name holds one of the parts, and shared parts are found', () => {
    const names = ['whereRaw', 'orderByRaw', 'joinRaw', 'FilterExpression', 'UpdateExpression', 'unsafe'];
    const cover = substringCover(names);
    expect(cover).toEqual(['Raw', 'Expression', 'unsafe']);
    for (const name of names) expect(cover.some((part) => name.includes(part))).toBe(true);
  });
  it('short names stand for themselves', () => {
    expect(substringCover(['get', 'set', 'query'])).toEqual(['query', 'get', 'set']);
  });
});
