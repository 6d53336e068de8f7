// A fixed slice of `npm run fuzz`: 50 seeds, 100 random programs, each linted by every rule under both parsers.
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fuzz, programsFor } from '../scripts/fuzz.mjs';

describe('fuzzing: random programs', () => {
  it('are the same for the same seed', () => {
    expect(programsFor(7)).toEqual(programsFor(7));
    expect(programsFor(7)).not.toEqual(programsFor(8));
  });

  it('make no rule throw, and every suggestion still parses', async () => {
    const figures = await fuzz({ plugin, count: 50, seed: 20261202 });
    expect(figures.exceptions).toEqual([]);
    expect(figures.brokenSuggestions).toEqual([]);
    // The slice must exercise the rules, not only the parsers.
    expect(figures.lints).toBe(200);
    expect(figures.reports).toBeGreaterThan(100);
    expect(figures.suggestions).toBeGreaterThan(50);
  });
});
