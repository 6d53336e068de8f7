import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FORMATS } from '../src/analysis/secrets.js';
import plugin from '../src/index.js';

/** Messages are read in an editor's hover and a CI log line: what is wrong, then what to do, in 160 characters. */
const MAX = 160;
const SHORT_RULES = ['no-hardcoded-secrets', 'no-weak-crypto', 'no-insecure-randomness', 'no-timing-unsafe-compare'] as const;
/** Typical values for each placeholder (names and APIs as long as real code gives them). */
const TYPICAL: Record<string, string> = {
  name: 'verificationCode',
  api: 'jsonwebtoken.sign',
  method: 'unsafePlainText',
  envName: 'CLIENT_SECRET',
  algorithm: 'des-ede3-cbc',
  operator: '!==',
  secret: '`process.env.WEBHOOK_SECRET`',
  replacement: 'globalThis.crypto.randomUUID()',
  kind: 'AWS secret access key',
  rotate: 'deactivate it in IAM; prefer the function role',
};
const fill = (template: string, data: Record<string, string>): string => template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => data[key] ?? key);

describe('messages fit in 160 characters', () => {
  for (const id of SHORT_RULES) {
    for (const [messageId, template] of Object.entries(plugin.rules[id].meta.messages)) {
      it(`${id}: ${messageId}`, () => expect(fill(template as string, TYPICAL).length).toBeLessThanOrEqual(MAX));
    }
  }
  it('no-hardcoded-secrets: credential, for every catalogued format', () => {
    const template = plugin.rules['no-hardcoded-secrets'].meta.messages.credential;
    for (const format of CREDENTIAL_FORMATS) {
      expect(fill(template, { kind: format.name, rotate: format.rotate }).length).toBeLessThanOrEqual(MAX);
    }
    expect(fill(template, { kind: 'password in a connection string', rotate: 'change the password' }).length).toBeLessThanOrEqual(MAX);
  });
});
