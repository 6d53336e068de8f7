import type { SinkKind } from './types.js';

/**
 * Functions that make a value safe for one kind of place (and only that one): an HTML-escaped string is still a
 * fine SQL injection, a base name still a fine shell argument. By callee text (`path.basename`) or, for imports,
 * by module (`escape-html`). Coercions to numbers and booleans neutralise every place; they live in the flow.
 */
export const SANITIZERS: ReadonlyArray<{ callee?: string; method?: string; module?: string; kinds: SinkKind[] }> = [
  { callee: 'path.basename', kinds: ['path'] },
  { callee: 'basename', module: 'path', kinds: ['path'] },
  { module: 'escape-html', kinds: ['html'] },
  { module: 'he', kinds: ['html'] },
  { module: 'xss', kinds: ['html'] },
  { module: 'sanitize-html', kinds: ['html'] },
  { module: 'dompurify', kinds: ['html'] },
  { module: 'isomorphic-dompurify', kinds: ['html'] },
  { method: 'sanitize', kinds: ['html'] },
  { callee: 'escapeHtml', kinds: ['html'] },
  { callee: 'escapeHTML', kinds: ['html'] },
  { callee: '_.escape', kinds: ['html'] },
  { callee: 'lodash.escape', kinds: ['html'] },
  { module: 'lodash.escape', kinds: ['html'] },
  { module: 'escape-string-regexp', kinds: ['regex'] },
  { module: 'lodash.escaperegexp', kinds: ['regex'] },
  { callee: '_.escapeRegExp', kinds: ['regex'] },
  { callee: 'escapeRegExp', kinds: ['regex'] },
  { callee: 'escapeRegex', kinds: ['regex'] },
  { callee: 'RegExp.escape', kinds: ['regex'] },
  { module: 'shell-quote', kinds: ['command'] },
  { module: 'shell-escape', kinds: ['command'] },
  { module: 'shescape', kinds: ['command'] },
  { module: 'sqlstring', kinds: ['sql'] },
  { module: 'pg-format', kinds: ['sql'] },
  { callee: 'mysql.escape', kinds: ['sql'] },
  { callee: 'connection.escape', kinds: ['sql'] },
  { callee: 'pool.escape', kinds: ['sql'] },
  { callee: 'escapeIdentifier', kinds: ['sql'] },
  { callee: 'escapeLiteral', kinds: ['sql'] },
];
