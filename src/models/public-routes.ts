/**
 * Route path segments that name an endpoint public by design: a load balancer's or monitor's probe, the
 * authentication flow itself (a caller cannot hold a token before signing in), and webhooks and OAuth callbacks,
 * which prove who calls them with a signature or a `state` the handler checks, not with an API Gateway authorizer.
 */
export const PUBLIC_ROUTE_SEGMENTS: ReadonlySet<string> = new Set([
  // Probes and metadata.
  'health', 'healthz', 'healthcheck', 'health-check', 'ping', 'status', 'version', 'livez', 'readyz', '.well-known',
  // Named public on purpose.
  'public',
  // The way in.
  'login', 'signin', 'sign-in', 'signup', 'sign-up', 'register', 'forgot-password', 'reset-password', 'verify-email',
  // Callers that authenticate with a signature or an OAuth `state`.
  'webhook', 'webhooks', 'callback', 'oauth',
]);

/** CORS preflights carry no credentials by design: the browser sends them before it may send any. */
export const PUBLIC_METHODS: ReadonlySet<string> = new Set(['OPTIONS']);
