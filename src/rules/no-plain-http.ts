import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { urlUse } from '../analysis/urls.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ allowHosts?: string[] }];
type MessageIds = 'plainHttpRequest' | 'plainHttpAddress' | 'suggestHttps';

/** A string or template that starts with an unencrypted scheme: the quote, then `http://` or `ws://`. */
const PLAIN_URL_START = /(["'`])(http|ws):\/\//gi;

/** Hosts that never leave the machine, the VPC or the developer's laptop, or that exist only in examples and tests. */
const LOCAL_HOST =
  /^(?:localhost|.*\.localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\]|10(?:\.\d+){3}|192\.168(?:\.\d+){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|169\.254(?:\.\d+){2}|.*\.(?:local|internal|test|example|invalid|localdomain)|(?:.*\.)?(?:example\.(?:com|org|net)|localhost\.localstack\.cloud|(?:foo|bar|baz|test|dummy|fake|mock)\.[a-z]+))$/;

/** Hosts that name XML namespaces, schemas and licences: identifiers, never fetched. */
const IDENTIFIER_HOST =
  /^(?:www\.)?(?:w3\.org|json-schema\.org|schema\.org|purl\.org|xmlns\.com|schemas\.xmlsoap\.org|schemas\.microsoft\.com|schemas\.openxmlformats\.org|ns\.adobe\.com|docs\.oasis-open\.org|iana\.org|apache\.org|opensource\.org|creativecommons\.org|relaxng\.org|opengis\.net|openid\.net|jsonapi\.org)$/;

/**
 * The host of `http://host:port/path`, lower-cased, when it is written out as a domain name or an IP address;
 * null for the scheme alone, a computed host (`http://${host}:${port}`, mostly local servers in tests) or text
 * that is no host at all.
 */
function hostOf(afterScheme: string): string | null {
  const host = /^(?:\[[0-9a-f:.]+\]|[^/:?#\s[\]$]+)/i.exec(afterScheme)?.[0].toLowerCase();
  if (!host) return null;
  return host.startsWith('[') || /^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/.test(host) ? host : null;
}

export default createRule<Options, MessageIds>({
  name: 'no-plain-http',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow requests to, and service addresses with, plain `http://` or `ws://` URLs',
      recommended: 'recommended',
      cwe: ['CWE-319'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowHosts: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: "Hosts reached over plain HTTP on purpose: an exact host (`legacy.partner.com`) or a suffix starting with a dot (`.corp`).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      plainHttpRequest:
        '`{{url}}` is requested over plain {{scheme}}: anyone on the network path can read or change it, credentials included (CWE-319). Use `{{secure}}://`.',
      plainHttpAddress:
        '`{{url}}` is a plain-{{scheme}} service address: requests sent to it travel unencrypted and can be read or changed on the way (CWE-319). Use `{{secure}}://`.',
      suggestHttps: 'Use `{{secure}}://` instead.',
    },
  },
  defaultOptions: [{ allowHosts: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const allowed = options.allowHosts ?? [];
    const isQuietHost = (host: string): boolean =>
      // A single-label name (`localstack`, `backend`) is a container or service name on a private network.
      !host.includes('.') ||
      LOCAL_HOST.test(host) ||
      IDENTIFIER_HOST.test(host) ||
      allowed.some((entry) => (entry.startsWith('.') ? host.endsWith(entry.toLowerCase()) : host === entry.toLowerCase()));

    return {
      'Program:exit'() {
        const text = sourceCode.text;
        if (!text.includes('://')) return;
        // Most files hold no such string; those that do are searched by position, not by walking every literal.
        for (const match of text.matchAll(PLAIN_URL_START)) {
          const quote = match.index;
          const token = sourceCode.getTokenByRangeStart(quote);
          if (!token || (token.type !== 'String' && token.type !== 'Template')) continue;
          let node = sourceCode.getNodeByRangeIndex(quote) as TSESTree.Node | null;
          if (node?.type === AST_NODE_TYPES.TemplateElement) node = node.parent ?? null;
          if (!node || (node.type !== AST_NODE_TYPES.Literal && node.type !== AST_NODE_TYPES.TemplateLiteral)) continue;
          if (node.range[0] !== quote) continue;

          const scheme = match[2]!;
          const value = node.type === AST_NODE_TYPES.Literal ? String(node.value) : (node.quasis[0]?.value.cooked ?? '');
          let host = hostOf(value.slice(scheme.length + 3));
          if (host === null && node.type === AST_NODE_TYPES.TemplateLiteral && value.length === scheme.length + 3) {
            // `http://${bucket}.s3.amazonaws.com/…`: the domain the computed label belongs to is written out.
            host = /^\.((?:[a-z0-9-]+\.)+[a-z0-9-]+)(?=[/:?#]|$)/i.exec(node.quasis[1]?.value.cooked ?? '')?.[1]?.toLowerCase() ?? null;
          }
          if (host === null || isQuietHost(host)) continue;
          const use = urlUse(sourceCode, node);
          if (!use) continue;

          const secure = scheme.toLowerCase() === 'ws' ? 'wss' : 'https';
          const shown = sourceCode.getText(node).slice(1, -1);
          const url = shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
          const schemeEnd = quote + 1 + scheme.length;
          context.report({
            node,
            messageId: use === 'request' ? 'plainHttpRequest' : 'plainHttpAddress',
            data: { url, scheme: scheme.toUpperCase(), secure },
            suggest: [{ messageId: 'suggestHttps', data: { secure }, fix: (fixer) => fixer.insertTextAfterRange([schemeEnd - 1, schemeEnd], scheme === scheme.toUpperCase() ? 'S' : 's') }],
          });
        }
      },
    };
  },
});
