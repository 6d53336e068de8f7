import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ESLint as ESLint10 } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { REPO_URL } from '../src/util/create-rule.js';

const root = new URL('..', import.meta.url);
const ruleFiles = readdirSync(new URL('src/rules/', root))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

/**
 * A message is read in an editor tooltip and a CI log line: what is wrong, then what to do, in at most this many
 * characters, counted as written (a `{{placeholder}}` counts its own length, about that of a typical value).
 */
const MAX_MESSAGE_LENGTH = 160;

describe('every rule', () => {
  it('is exported under the id that is its file name', () => {
    expect(Object.keys(rules).sort()).toEqual([...ruleFiles].sort());
    expect(plugin.rules).toBe(rules);
  });

  for (const id of ruleFiles) {
    describe(id, () => {
      const rule = rules[id as keyof typeof rules];
      it('has a one-sentence description', () => {
        expect(rule.meta.docs?.description).toMatch(/^[A-Z].{10,}[^.]$/);
      });
      it('has a doc page with a header, ❌ and ✅ examples', () => {
        const doc = new URL(`docs/rules/${id}.md`, root);
        expect(existsSync(doc)).toBe(true);
        const text = readFileSync(doc, 'utf8');
        expect(text).toContain(`# serverless-security/${id}`);
        expect(text).toContain('❌');
        expect(text).toContain('✅');
      });
      it('has a test file', () => {
        expect(existsSync(new URL(`test/rules/${id}.test.ts`, root))).toBe(true);
      });
      it('is in a config, or is documented as opt-in', () => {
        const level = rule.meta.docs?.recommended;
        if (level === false) {
          expect(readFileSync(new URL(`docs/rules/${id}.md`, root), 'utf8')).toMatch(/opt-in/i);
        } else {
          const entry = plugin.configs.strict.rules[`serverless-security/${id}`];
          expect(Array.isArray(entry) ? entry[0] : entry).toBe('error');
        }
      });
      it(`words each message in at most ${MAX_MESSAGE_LENGTH} characters`, () => {
        const tooLong = Object.entries(rule.meta.messages as Record<string, string>).filter(
          ([, message]) => message.length > MAX_MESSAGE_LENGTH,
        );
        expect(tooLong).toEqual([]);
      });
      it('describes its messages by id and declares an options schema', () => {
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(rule.meta.schema).toBeDefined();
      });
    });
  }
});

describe('package.json', () => {
  it('points repository, homepage and bugs at the repository the rule docs link to', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Record<string, { url?: string } | string>;
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPO_URL}.git` });
    expect(pkg.homepage).toBe(`${REPO_URL}#readme`);
    expect(pkg.bugs).toEqual({ url: `${REPO_URL}/issues` });
  });
});

describe('configs', () => {
  it('recommended is a subset of strict', () => {
    for (const id of Object.keys(plugin.configs.recommended.rules)) {
      expect(plugin.configs.strict.rules[id]).toBeDefined();
    }
  });

  it('each config registers the plugin itself', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins['serverless-security']).toBe(plugin);
    }
  });

  /** What a user's handler looks like in each language the configs cover; each evaluates the request body. */
  const HANDLERS: Array<[string, string]> = [
    ['handler.js', 'exports.handler = async (event) => eval(event.body);'],
    ['handler.mjs', 'export const handler = async (event) => eval(event.body);'],
    ['handler.ts', 'export const handler = async (event: { body: string }): Promise<unknown> => eval(event.body as string);'],
    ['handler.mts', 'type E = { body: string };\nexport const handler = async (event: E) => eval(event.body);'],
    ['handler.cts', 'interface E { body: string }\nexport = async (event: E) => eval(event.body);'],
    ['page.tsx', 'export default function Page(req: { body: string }) { return <div>{eval(req.body)}</div>; }'],
  ];

  for (const [label, load] of [
    ['ESLint 10', async () => ({ ESLint: ESLint10, defineConfig: (await import('eslint/config')).defineConfig })],
    ['ESLint 9', async () => ({ ESLint: (await import('eslint-v9')).ESLint, defineConfig: (await import('eslint-v9/config')).defineConfig })],
  ] as const) {
    for (const name of ['recommended', 'strict'] as const) {
      it(`${name} alone, and inside defineConfig, is a complete setup for JS and TS files in ${label}`, async () => {
        const { ESLint, defineConfig } = await load();
        for (const overrideConfig of [[plugin.configs[name]], defineConfig([plugin.configs[name] as never])]) {
          const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: overrideConfig as never });
          for (const [filePath, code] of HANDLERS) {
            const [result] = await eslint.lintText(code, { filePath });
            expect(result!.messages.filter((m) => m.fatal), filePath).toEqual([]);
            expect(result!.messages.map((m) => m.ruleId), filePath).toContain('serverless-security/no-dynamic-code');
          }
        }
      });
    }
  }

  it('lint only JavaScript and TypeScript files', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.files).toEqual(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
    }
  });
});

