import type { Linter } from 'eslint';
import type { PluginDocs } from './util/create-rule.js';

type RuleMap = Record<string, { meta: { docs?: PluginDocs & { description: string } } }>;
export type ConfigName = 'recommended' | 'strict';

/**
 * Configs are derived from each rule's `meta.docs.recommended`: `recommended` holds the rules a team can turn on
 * on day one; `strict` holds those plus the noisier ones. Opt-in rules (`false`) join no config.
 */
export function rulesFor(rules: RuleMap, config: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const level = rule.meta.docs?.recommended;
    if (level === 'recommended' || (config === 'strict' && level === 'strict')) {
      const strictOptions = config === 'strict' ? rule.meta.docs?.strictOptions : undefined;
      entries[`serverless-security/${id}`] = strictOptions ? ['error', strictOptions] : 'error';
    }
  }
  return entries;
}
