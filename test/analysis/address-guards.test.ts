import { describe, expect, it } from 'vitest';
import type { SinkKind } from '../../src/models/types.js';
import { analyseCode } from './analyse.js';

const H = (body: string): string => `exports.handler = async (event) => {\n${body}\n};`;

/** The inputs reaching each place of `kind`, as `path` strings, in order. */
function inputsAt(code: string, kind: SinkKind): string[] {
  const { analysis } = analyseCode(code);
  return analysis.sinks(kind).flatMap((place) => analysis.inputAt(place.node, kind).map((label) => label.path));
}

describe('address checks pin where a URL goes, for requests and redirects only', () => {
  const CASES: Array<[string, string, string[]]> = [
    ['unchecked', H('const u = event.queryStringParameters.u;\nawait fetch(u);'), ['event.queryStringParameters.u']],
    ['host allow-list on new URL(x)', H("const u = event.queryStringParameters.u;\nif (!HOSTS.includes(new URL(u).hostname)) return { statusCode: 400 };\nawait fetch(u);"), []],
    ['host equality on a parsed const', H("const p = new URL(event.queryStringParameters.u);\nif (p.host !== 'a.example.com') return { statusCode: 400 };\nawait fetch(p.href);"), []],
    ['dotted suffix', H("const p = new URL(event.queryStringParameters.u);\nif (!p.hostname.endsWith('.example.com')) throw new Error('host');\nawait fetch(p);"), []],
    ['undotted suffix is no check', H("const p = new URL(event.queryStringParameters.u);\nif (!p.hostname.endsWith('example.com')) throw new Error('host');\nawait fetch(p);"), ['event.queryStringParameters.u']],
    ['fixed origin prefix', H("const u = event.queryStringParameters.u;\nif (!u.startsWith('https://a.example.com/')) return { statusCode: 400 };\nawait fetch(u);"), []],
    ['origin prefix without a slash is no check', H("const u = event.queryStringParameters.u;\nif (!u.startsWith('https://a.example.com')) return { statusCode: 400 };\nawait fetch(u);"), ['event.queryStringParameters.u']],
    ['text includes is no check', H("const u = event.queryStringParameters.u;\nif (!u.includes('example.com')) return { statusCode: 400 };\nawait fetch(u);"), ['event.queryStringParameters.u']],
    ['another value checked', H("const { u, v } = event.queryStringParameters;\nif (!HOSTS.includes(new URL(u).hostname)) return { statusCode: 400 };\nawait fetch(v);"), ['event.queryStringParameters.v']],
    ['same-origin check', H("const u = event.queryStringParameters.u;\nif (new URL(u, BASE).origin !== new URL(BASE).origin) return { statusCode: 400 };\nawait fetch(u);"), []],
    ['check covers only what follows', H("const u = event.queryStringParameters.u;\nawait fetch(u);\nif (!HOSTS.includes(new URL(u).hostname)) return { statusCode: 400 };"), ['event.queryStringParameters.u']],
  ];
  for (const [name, code, expected] of CASES) it(name, () => expect(inputsAt(code, 'url')).toEqual(expected));

  it('a relative-path check needs both the `/` and the `//` test', () => {
    const both = H("const n = event.queryStringParameters.next;\nif (!n.startsWith('/') || n.startsWith('//')) return { statusCode: 400 };\nreturn { statusCode: 302, headers: { Location: n } };");
    const one = H("const n = event.queryStringParameters.next;\nif (!n.startsWith('/')) return { statusCode: 400 };\nreturn { statusCode: 302, headers: { Location: n } };");
    expect(inputsAt(both, 'redirect')).toEqual([]);
    expect(inputsAt(one, 'redirect')).toEqual(['event.queryStringParameters.next']);
  });

  it('a pinned address is still input for other places', () => {
    const code = H("const n = event.queryStringParameters.next;\nif (!n.startsWith('/') || n.startsWith('//')) return { statusCode: 400 };\nreturn { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<a href=\"${n}\">continue</a>` };");
    expect(inputsAt(code, 'html')).toEqual(['event.queryStringParameters.next']);
  });
});

describe('address parts of request options and new URL(input, base)', () => {
  const CASES: Array<[string, string, string[]]> = [
    ['hostname option', H("https.get({ hostname: event.queryStringParameters.h, path: '/' });"), ['event.queryStringParameters.h']],
    ['path option under a fixed host', H("https.get({ hostname: 'a.example.com', path: `/u/${event.pathParameters.id}` });"), []],
    ['absolute input replaces the base', H("await fetch(new URL(event.queryStringParameters.p, 'https://a.example.com'));"), ['event.queryStringParameters.p']],
    ['fixed relative path keeps the base', H("await fetch(new URL(`/u/${event.pathParameters.id}`, 'https://a.example.com'));"), []],
    ['input base decides', H("await fetch(new URL('/status', event.queryStringParameters.base));"), ['event.queryStringParameters.base']],
  ];
  const withHttps = (code: string): string => `const https = require('https');\n${code}`;
  for (const [name, code, expected] of CASES) it(name, () => expect(inputsAt(withHttps(code), 'url')).toEqual(expected));
});
