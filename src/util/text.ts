import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Whether an offset of the file's text falls inside one of its comments (which are in order). */
export function inComment(comments: readonly TSESTree.Comment[], offset: number): boolean {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = comments[middle]!.range;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Whether `pattern` matches the file's code, not only its comments: a pre-check for a walk, so that a name in the
 * documentation (an SDK's comments are full of `public-read` and `UpdateExpression`) does not wake it.
 */
const globalCopies = new WeakMap<RegExp, RegExp>();

export function codeMatches(sourceCode: TSESLint.SourceCode, pattern: RegExp): boolean {
  const { text } = sourceCode;
  let global = globalCopies.get(pattern);
  if (!global) globalCopies.set(pattern, (global = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g')));
  global.lastIndex = 0;
  const comments = sourceCode.ast.comments ?? [];
  if (comments.length === 0) return global.test(text);
  for (let match = global.exec(text); match; match = global.exec(text)) {
    if (!inComment(comments, match.index)) return true;
    if (match[0] === '') global.lastIndex++;
  }
  return false;
}

/**
 * A few substrings such that each name holds one (`Raw` for `whereRaw`, `orderByRaw`…; `Expression` for DynamoDB's
 * keys), chosen greedily: a text that holds none of them holds none of the names.
 */
export function substringCover(names: readonly string[]): string[] {
  const cover: string[] = [];
  let left = [...new Set(names)];
  while (left.length > 0) {
    let best = left[0]!;
    let bestCount = 0;
    for (const name of left) {
      const lengths = name.length <= 3 ? [name.length] : [3, 4, 5, 6, 8, 10, name.length];
      for (const length of lengths) {
        if (length > name.length) continue;
        for (let start = 0; start + length <= name.length; start++) {
          const part = name.slice(start, start + length);
          const count = left.filter((other) => other.includes(part)).length;
          if (count > bestCount || (count === bestCount && part.length > best.length)) [best, bestCount] = [part, count];
        }
      }
    }
    cover.push(best);
    left = left.filter((name) => !name.includes(best));
  }
  return cover;
}
