import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

/**
 * Messages must fit one line of a terminal or a code-review comment: at most 160 characters, with each placeholder
 * filled by a long but realistic value (`data`, or `perMessage[id]` for one message), or by `'x'.repeat(12)` when not given.
 */
export function expectShortMessages(
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  data: Record<string, string> = {},
  perMessage: Record<string, Record<string, string>> = {},
): void {
  describe(`${rule.meta.docs?.url?.split('/').pop()?.replace(/\.md$/, '') ?? 'rule'} messages`, () => {
    for (const [id, template] of Object.entries(rule.meta.messages)) {
      it(`${id} is at most 160 characters`, () => {
        const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => perMessage[id]?.[key] ?? data[key] ?? 'x'.repeat(12));
        expect(text.length, text).toBeLessThanOrEqual(160);
      });
    }
  });
}
