import type { SinkModel } from './types.js';

/**
 * What a web handler sends back, on its own response object (Express/Vercel `res`, Fastify `reply`), context (Koa
 * `ctx`, Hono `c`), or the framework's helpers (Next.js).
 */
export const webFrameworks: SinkModel[] = [
  // Express `res.send(string)` answers `text/html`; `res.write`/`res.end` send raw text a browser may render.
  { kind: 'html', responseMethod: 'send' },
  { kind: 'html', responseMethod: 'write' },
  { kind: 'html', responseMethod: 'end' },
  { kind: 'html', responseMethod: 'html' },
  // Koa answers `text/html` for a string body that starts with `<` (`ctx.body`, `ctx.response.body`).
  { kind: 'html', responseProperty: 'body' },
  { kind: 'redirect', responseMethod: 'redirect', arguments: 'last' },
  { kind: 'redirect', responseMethod: 'location' },
  { kind: 'path', responseMethod: 'sendFile' },
  { kind: 'path', responseMethod: 'download' },
  { kind: 'redirect', module: 'next/server', path: ['NextResponse', 'redirect'] },
  { kind: 'redirect', module: 'next/navigation', path: ['redirect'] },
  { kind: 'redirect', module: 'next/navigation', path: ['permanentRedirect'] },
];
