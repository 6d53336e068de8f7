export interface FuzzFailure {
  seed: number;
  program: string;
  filePath: string;
  error: string;
  rule?: string;
  suggestion?: string;
}
export interface FuzzFigures {
  seeds: number;
  lints: number;
  unparsable: number;
  reports: number;
  suggestions: number;
  exceptions: FuzzFailure[];
  brokenSuggestions: FuzzFailure[];
}
export function programsFor(seed: number): Array<{ name: string; code: string; files: string[] }>;
export function fuzz(options: { plugin: unknown; count: number; seed: number }): Promise<FuzzFigures>;
