/**
 * The secrets catalogue: credential formats that are recognisable on their own, and the names and values that
 * make a literal look like a secret. Shared by `no-hardcoded-secrets`, `no-error-leak` and `no-sensitive-logging`.
 *
 * Every pattern is anchored on a fixed prefix and uses only bounded or single-class repetition, so matching stays
 * linear in the string's length (no catastrophic backtracking); a cheap pre-check skips most strings entirely.
 */
export interface CredentialFormat {
  id: string;
  /** What it is, for the message: "AWS access key ID". */
  name: string;
  pattern: RegExp;
  /** Where to revoke or rotate it. */
  rotate: string;
  /** The environment variable a suggestion reads instead. */
  envName: string;
}

export const CREDENTIAL_FORMATS: readonly CredentialFormat[] = [
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z2-7]{16}\b/,
    rotate: 'deactivate it in IAM; prefer the function role',
    envName: 'AWS_ACCESS_KEY_ID',
  },
  {
    id: 'github-token',
    name: 'GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{60,255})\b/,
    rotate: 'revoke it in GitHub developer settings',
    envName: 'GITHUB_TOKEN',
  },
  {
    id: 'gitlab-token',
    name: 'GitLab personal access token',
    pattern: /\bglpat-[A-Za-z0-9_-]{20,64}/,
    rotate: 'revoke it under GitLab access tokens',
    envName: 'GITLAB_TOKEN',
  },
  {
    id: 'slack-token',
    name: 'Slack token',
    pattern: /\bxox[abposr]-[A-Za-z0-9]{8,}-[A-Za-z0-9-]{8,}/,
    rotate: 'regenerate it in the Slack app settings',
    envName: 'SLACK_TOKEN',
  },
  {
    id: 'slack-webhook',
    name: 'Slack webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]{8,}\/[A-Za-z0-9]{8,}\/[A-Za-z0-9]{16,}/,
    rotate: 'replace the webhook in the Slack app',
    envName: 'SLACK_WEBHOOK_URL',
  },
  {
    id: 'stripe-live-key',
    name: 'Stripe live key',
    pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,247}\b/,
    rotate: 'roll it in the Stripe dashboard',
    envName: 'STRIPE_SECRET_KEY',
  },
  {
    id: 'google-api-key',
    name: 'Google API key',
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/,
    rotate: 'regenerate and restrict it in Google Cloud',
    envName: 'GOOGLE_API_KEY',
  },
  {
    id: 'private-key',
    name: 'private key',
    // The header and the start of a key body: a header alone is a PEM parser's or formatter's constant.
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|\s)*(?:[A-Za-z-]+: [^\n\\]{0,200}(?:\\n|\n)(?:\\[rn]|\s)*){0,4}[A-Za-z0-9+/]{16}/,
    rotate: 'revoke the key pair, issue a new one',
    envName: 'PRIVATE_KEY',
  },
  {
    id: 'jwt',
    name: 'JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/,
    rotate: 'rotate the signing key that made it',
    envName: 'AUTH_TOKEN',
  },
  {
    id: 'npm-token',
    name: 'npm access token',
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/,
    rotate: 'revoke it with `npm token revoke`',
    envName: 'NPM_TOKEN',
  },
  {
    id: 'sendgrid-key',
    name: 'SendGrid API key',
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
    rotate: 'delete it in SendGrid settings',
    envName: 'SENDGRID_API_KEY',
  },
  {
    id: 'twilio-key',
    name: 'Twilio API key',
    pattern: /\bSK[0-9a-f]{32}\b/,
    rotate: 'delete it in the Twilio console',
    envName: 'TWILIO_API_KEY',
  },
  {
    id: 'openai-key',
    name: 'OpenAI API key',
    pattern: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,300}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
    rotate: 'revoke it on the OpenAI keys page',
    envName: 'OPENAI_API_KEY',
  },
  {
    id: 'anthropic-key',
    name: 'Anthropic API key',
    pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/,
    rotate: 'revoke it in the Anthropic console',
    envName: 'ANTHROPIC_API_KEY',
  },
];

/** Strings that cannot hold any catalogued format skip the patterns: one linear scan instead of fourteen. */
const FORMAT_PRECHECK = /A[KSBCGIPNR][A-Z]A|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack|k_live_|AIza|PRIVATE KEY|eyJ|npm_|SG\.|SK[0-9a-f]|sk-/;

/** Credentials inside URLs and connection strings: `postgres://user:pass@host`, `redis://:pass@host`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/]{0,128}):([^\s@/]{1,256})@[^\s@/]/i;

/** AWS secret access keys have no prefix: 40 base64 characters, recognised next to a secret name or a key ID. */
export const AWS_SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;

/** Keys AWS publishes in its documentation as examples. */
export const AWS_EXAMPLE_KEYS = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'ASIAIOSFODNN7EXAMPLE']);

export interface CredentialMatch {
  format: CredentialFormat;
  /** The matched text. */
  text: string;
}

const URL_CREDENTIAL_FORMAT: CredentialFormat = {
  id: 'url-credentials',
  name: 'password in a connection string',
  pattern: URL_CREDENTIALS,
  rotate: 'change the password',
  envName: 'DATABASE_URL',
};

/** The first catalogued credential in `text`, if any. */
export function findCredential(text: string): CredentialMatch | null {
  if (text.length < 16) return null;
  if (FORMAT_PRECHECK.test(text)) {
    for (const format of CREDENTIAL_FORMATS) {
      const match = format.pattern.exec(text);
      if (match) return { format, text: match[0] };
    }
  }
  if (text.includes('://')) {
    const match = URL_CREDENTIALS.exec(text);
    if (match && !isPlaceholder(match[3]!) && !match[3]!.includes('${')) {
      const scheme = match[1]!.toLowerCase();
      const format =
        scheme === 'http' || scheme === 'https'
          ? { ...URL_CREDENTIAL_FORMAT, name: 'password in a URL', envName: 'SERVICE_URL' }
          : scheme.startsWith('redis')
            ? { ...URL_CREDENTIAL_FORMAT, envName: 'REDIS_URL' }
            : scheme.startsWith('mongodb')
              ? { ...URL_CREDENTIAL_FORMAT, envName: 'MONGODB_URI' }
              : URL_CREDENTIAL_FORMAT;
      return { format, text: match[0] };
    }
  }
  return null;
}

// ---- names ------------------------------------------------------------------------------------------------------

/** Words that name a secret when they end a name: `dbPassword`, `API_TOKEN`, `clientSecret`. */
const SECRET_NOUNS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'apikey']);
/** `key` is a secret only after one of these: `apiKey`, `privateKey`, `secretKey`, `signingKey`. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'signing', 'encryption', 'client', 'master', 'auth', 'license', 'app', 'service']);
/**
 * Tokens that are not credentials: pagination and CSRF-style markers, Step Functions task tokens, AWS idempotency
 * `clientToken`s, execution and continuation markers.
 */
const HARMLESS_TOKEN_QUALIFIERS = new Set([
  'next', 'pagination', 'continuation', 'page', 'cancellation', 'sync', 'idempotency', 'csrf', 'xsrf', 'max', 'min',
  'num', 'request', 'response', 'execution', 'task', 'client', 'resume', 'start', 'end', 'cursor', 'marker',
]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `X-Api-Key` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when a name says it holds a secret; `tokenCount`, `passwordPolicy`, `secretArn`, `nextToken` do not. */
export function isSecretName(name: string): boolean {
  // Most names have nothing to do with secrets: skip the word split for them.
  if (!/pass|pwd|secret|token|key|credential|auth/i.test(name)) return false;
  const parts = words(name);
  const last = parts.at(-1);
  if (!last) return false;
  const before = parts.at(-2);
  if (last === 'authorization' && parts.length === 1) return true;
  if (last === 'key') return !!before && KEY_QUALIFIERS.has(before);
  if (!SECRET_NOUNS.has(last)) return false;
  if (last === 'token' && before && HARMLESS_TOKEN_QUALIFIERS.has(before)) return false;
  // `decodedIdToken`, `decodedToken`: the claims read out of a verified token, not the token itself.
  if (last === 'token' && parts[0] === 'decoded') return false;
  return true;
}

/** Sensitive-data names for logging: secrets plus personal and payment data (`cardNumber`, `ssn`, `cookie`). */
const SENSITIVE_EXTRA = new Set(['cookie', 'cookies', 'authorization', 'ssn', 'cvv', 'cvc', 'pin', 'iban']);
const SENSITIVE_PAIRS = [['card', 'number'], ['credit', 'card'], ['social', 'security'], ['set', 'cookie'], ['account', 'number']];
export function isSensitiveName(name: string, extra: readonly string[] = []): boolean {
  if (isSecretName(name)) return true;
  const parts = words(name);
  const last = parts.at(-1);
  if (!last) return false;
  if (SENSITIVE_EXTRA.has(last) || extra.includes(last) || extra.includes(name)) return true;
  return SENSITIVE_PAIRS.some(([a, b]) => parts.at(-2) === a && last === b) || (parts.at(-2) === 'credit' && last === 'card');
}

/** `dbPassword` → `DB_PASSWORD`. */
export function envNameFor(name: string): string {
  return words(name).join('_').toUpperCase() || 'SECRET';
}

// ---- values -----------------------------------------------------------------------------------------------------

/** Values that stand in for a secret rather than being one. */
const PLACEHOLDER =
  /^(?:x+|X+|\*+|\.+|-+|_+|#+|0+|1234.*|<[^>]*>|\{\{[^}]*\}\}|\$\{[^}]*\}|%[^%\s]+%|\[[^\]]*\]|changeme|change[-_ ]?(?:me|it|this)|password|passw0rd|secret|s3cr3t|token|apikey|api[-_]key|your[-_ ]?.*|my[-_]?(?:secret|password|token|key).*|example.*|.*example|dummy.*|test.*|.*[-_]test|fake.*|mock.*|placeholder.*|todo|tbd|fixme|null|undefined|none|empty|redacted|hidden|replace[-_ ]?(?:me|this).*|not[-_ ]?used|unused|n\/a|.*\.\.\.|.*…|insert[-_ ].*|sample.*|default|admin|root|guest|user(?:name)?|pass|foo.*|bar|baz|qwerty|abc.*|xxx.*)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Names of secrets and keys, not their values: `alias/app-key`, `projects/p/secrets/api-key`, `arn:aws:…`. */
const RESOURCE_IDENTIFIER = /^(?:arn:|(?:alias|projects|organizations|folders|secrets?|parameters?|vaults?|keyvaults?|keyrings?)\/)/i;
export function isResourceIdentifier(value: string): boolean {
  return RESOURCE_IDENTIFIER.test(value.trim());
}

/**
 * Opaque tokens: UUIDs and hex strings. Random by construction even when their per-character entropy is low, so a
 * secret name on one is enough evidence (`const apiSecret = '3f2b…'`).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isOpaqueToken(value: string): boolean {
  const distinct = new Set(value.toLowerCase().replace(/-/g, '')).size;
  if (UUID.test(value)) return distinct > 3;
  return value.length >= 16 && value.length <= 128 && /^[0-9a-f]+$/i.test(value) && /[0-9]/.test(value) && /[a-f]/i.test(value) && distinct > 5;
}

/** Keys of a password or client secret in a connection or client config. */
export const CONFIG_SECRET_KEYS: ReadonlySet<string> = new Set(['password', 'pwd', 'passwd', 'pass', 'passphrase', 'secret', 'clientsecret', 'client_secret', 'apikey', 'api_key']);
/** Keys that make an object literal a connection or client config: who connects, and to what. */
export const CONNECTION_KEYS: ReadonlySet<string> = new Set(['user', 'username', 'user_name', 'host', 'hostname', 'server', 'database', 'clientid', 'client_id']);

/** What stands in for a password in a config: blanks, markers, environment variable names, `notused`, `…`. */
const CONFIG_PLACEHOLDER =
  /^(?:|x+|\*+|\.+|-+|<[^>]*>|\{\{[^}]*\}\}|\$\{[^}]*\}|%[^%\s]+%|\[[^\]]*\]|not[-_ ]?used|unused|none|null|undefined|n\/a|changeme|change[-_ ]?(?:me|it|this)|todo|tbd|fixme|redacted|your[-_ ].*|replace[-_ ]?(?:me|this).*|placeholder.*|dummy.*|.*\.\.\.|.*…)$/i;
export function isConfigPlaceholder(value: string): boolean {
  // An environment variable's name (`DB_PASSWORD`) is where the value comes from, not the value.
  return CONFIG_PLACEHOLDER.test(value.trim()) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(value) || isResourceIdentifier(value);
}

/**
 * Values in a key position (`jwt.sign(payload, '…')`) that are template markers or test fixtures rather than a key.
 * Narrower than `isPlaceholder`: a signing key of `'secret'` or `'changeme'` is a real, guessable key.
 */
const KEY_PLACEHOLDER = /^(?:x+|X+|\*+|\.+|<[^>]*>|\{\{[^}]*\}\}|\$\{[^}]*\}|%[^%\s]+%|\[[^\]]*\]|.*(?:example|test|mock|fake|dummy|fixture|placeholder).*)$/i;

export function isKeyPlaceholder(value: string): boolean {
  return value.trim() === '' || KEY_PLACEHOLDER.test(value.trim());
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface ValueThresholds {
  minLength: number;
  minEntropy: number;
}

/**
 * Whether a literal assigned to a secret name is a real value: long enough, random enough, and not something else
 * that such names often hold (a placeholder, an environment variable's name, a URL or path, a message).
 */
export function looksLikeSecretValue(raw: string, { minLength, minEntropy }: ValueThresholds): boolean {
  const value = raw.replace(/^(?:Bearer|Basic|Token|Bot)\s+/i, '').trim();
  if (value.length < minLength || value.length > 512) return false;
  if (isPlaceholder(value) || isResourceIdentifier(value)) return false;
  if (isOpaqueToken(value)) return true;
  if (/^[A-Z][A-Z0-9_]*$/.test(value)) return false; // an environment variable's or constant's name
  if (/^@[A-Za-z][\w.-]*$/.test(value)) return false; // a decorator, mention or state name: `@rematch`, `@pop`
  if (/^(?:[a-z][a-z0-9+.-]*:|\.{0,2}\/|~\/|\{\{|\$\{)/i.test(value) && !findCredential(value)) return false; // URLs, URNs, ARNs, paths
  if (/\s/.test(value)) return false; // a message or a sentence
  // A scoped package name or feature flag: `@aws-cdk/aws-rds:preventRenderingDeprecatedCredentials`.
  if (/^@[a-z0-9][\w.-]*\/[\w.-]+(?::[A-Za-z][A-Za-z0-9]*)?$/.test(value)) return false;
  // Identifiers, enum values and header names: `ForgotPassword`, `x-aws-ec2-metadata-token`, `reset_token`.
  if (/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/.test(value) && (/[._-]/.test(value) || value.length < 24)) return false;
  if (/^[A-Za-z]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && value.length < 40) return false;
  return entropy(value) >= minEntropy;
}

/** Long random-looking strings, for the opt-in high-entropy check. Hashes and ids are ruled out by their contexts. */
export function isHighEntropyString(value: string): boolean {
  if (value.length < 32 || value.length > 1024 || /\s/.test(value)) return false;
  if (/^[0-9a-f-]+$/i.test(value)) return false; // hex digests, UUIDs: fingerprints, not keys
  if (/^(?:sha(?:256|384|512)-|data:|https?:\/\/|\.{0,2}\/)/i.test(value)) return false;
  return /^[A-Za-z0-9+/=_-]+$/.test(value) && entropy(value) >= 4.5;
}
