/**
 * Cryptography knowledge as data: which algorithms are weak for which use, and which names say a value is a
 * password or a secret. Read by `no-weak-crypto`, `no-insecure-randomness` and `no-timing-unsafe-compare`
 * through src/analysis/credentials.ts.
 */

/** Fast digests: fine for cache keys, ETags and checksums, never for passwords (billions of guesses a second). */
export const FAST_HASHES: ReadonlySet<string> = new Set([
  'md4', 'md5', 'sha1', 'sha-1', 'sha224', 'sha-224', 'sha256', 'sha-256', 'sha384', 'sha-384', 'sha512', 'sha-512',
  'sha512-256', 'sha3-256', 'sha3-384', 'sha3-512', 'ripemd160', 'rmd160', 'blake2b512', 'blake2s256',
]);

/** Ciphers broken by their block size or key schedule, matched on the lower-cased algorithm name. */
export const WEAK_CIPHERS: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /^(?:des|des-(?:cbc|cfb|cfb1|cfb8|ofb|ecb))$|^desx/, name: 'DES' },
  { pattern: /^des-ede|^des3$|^3des/, name: '3DES' },
  { pattern: /^rc4/, name: 'RC4' },
  { pattern: /^rc2/, name: 'RC2' },
  { pattern: /^(?:bf|blowfish)(?:-|$)/, name: 'Blowfish' },
];

/** Electronic codebook mode: equal plaintext blocks give equal ciphertext blocks. */
export const ECB_MODE = /(?:^|-)ecb$/;

/** Third-party fast-hash functions, by module: `md5(password)`, `CryptoJS.SHA256(password)`. */
export const FAST_HASH_MODULES: Record<string, { call: boolean; members: string[] }> = {
  md5: { call: true, members: [] },
  'js-md5': { call: true, members: [] },
  sha1: { call: true, members: [] },
  'js-sha256': { call: true, members: ['sha256'] },
  'crypto-js': { call: false, members: ['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160'] },
  'crypto-js/md5': { call: true, members: [] },
  'crypto-js/sha1': { call: true, members: [] },
  'crypto-js/sha256': { call: true, members: [] },
  'crypto-js/sha512': { call: true, members: [] },
};

/** Words that name a password (the last word of a name): `newPassword`, `user.pwd`, `passphrase`. */
export const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'passphrase', 'pass', 'pw']);

/** Words that, next to a password word, name its hash: `passwordHash`, `hashedPassword`, `pwdDigest`. */
export const HASH_WORDS: ReadonlySet<string> = new Set(['hash', 'hashed', 'digest', 'encrypted', 'enc', 'hex']);

/**
 * Names whose value must be unguessable: the last word of the name, or the last two. `token` and `key` alone are
 * judged by `isSecretName`; these add what an attacker would guess from a predictable generator.
 */
export const UNGUESSABLE_WORDS: ReadonlySet<string> = new Set([
  'otp', 'totp', 'hotp', 'nonce', 'salt', 'secret', 'password', 'passwd', 'pwd', 'passphrase', 'pin', 'apikey', 'csrf', 'xsrf',
]);
/** `…Code` is a secret after one of these: `resetCode`, `verificationCode`, `otpCode`, `inviteCode`. */
export const SECRET_CODE_QUALIFIERS: ReadonlySet<string> = new Set([
  'reset', 'verification', 'verify', 'confirmation', 'confirm', 'otp', 'auth', 'authorization', 'login', 'signin',
  'invite', 'invitation', 'activation', 'recovery', 'mfa', 'security', 'access', 'sms', 'pin', 'one', 'passcode',
  'unlock', 'magic', 'referral', 'pairing', 'challenge', 'secret', 'email', 'phone',
]);
/** `…Id`, `…Key`, `…Token` of a session is a bearer credential. */
export const SESSION_WORDS: ReadonlySet<string> = new Set(['session', 'sid']);
/** Tokens that are not credentials: pagination cursors, idempotency and cancellation markers. */
export const PUBLIC_TOKEN_QUALIFIERS: ReadonlySet<string> = new Set([
  'next', 'pagination', 'continuation', 'page', 'cancellation', 'sync', 'idempotency', 'client', 'request',
  'response', 'max', 'min', 'num', 'count', 'test', 'mock', 'fake', 'dummy', 'sample',
]);

/**
 * Request headers that carry a credential or a signature: compared with a secret, they are what an attacker
 * measures the comparison's timing through.
 */
export const CREDENTIAL_HEADER = /^(?:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|stripe-signature|x-(?:[a-z0-9]+-)*(?:signature(?:-256)?|token|secret|key))$/i;
