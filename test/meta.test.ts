import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ESLint as ESLint10 } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = new URL('..', import.meta.url);
const ruleFiles = readdirSync(new URL('src/rules/', root))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

describe('every rule', () => {
  it('is exported under the id that is its file name', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFiles].sort());
  });

  for (const id of ruleFiles) {
    describe(id, () => {
      const rule = plugin.rules[id as keyof typeof plugin.rules];
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
      it('describes its messages by id and declares an options schema', () => {
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(rule.meta.schema).toBeDefined();
      });
    });
  }
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

  for (const [label, load] of [
    ['ESLint 10', async () => ESLint10],
    ['ESLint 9', async () => (await import('eslint-v9')).ESLint],
  ] as const) {
    for (const name of ['recommended', 'strict'] as const) {
      it(`${name} loads as a complete setup in ${label}`, async () => {
        const ESLint = await load();
        const eslint = new ESLint({
          overrideConfigFile: true,
          overrideConfig: [plugin.configs[name] as never],
        });
        const [result] = await eslint.lintText('exports.handler = async (event) => eval(event.body);', {
          filePath: 'handler.js',
        });
        expect(result!.messages.map((m) => m.ruleId)).toContain('serverless-security/no-dynamic-code');
      });
    }
  }
});

describe('README', () => {
  it('has an up-to-date rules table (eslint-doc-generator --check)', () => {
    expect(() =>
      execFileSync('npx', ['eslint-doc-generator', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });
});
