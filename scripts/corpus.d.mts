export const root: string;
export const CORPUS_PACKAGES: string[];
export function corpusFiles(): string[];
export function readmeSamples(): Array<{ file: string; code: string; ts: boolean }>;
export function cdkSamples(): Array<{ file: string; code: string; ts: boolean }>;
