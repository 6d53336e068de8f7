import rule from '../../src/rules/no-weak-crypto.js';
import { testRule } from '../rule-tester.js';

testRule('no-weak-crypto', rule, {
  valid: [
    // Fast hashes of content: cache keys, ETags, checksums, content ids.
    "import { createHash } from 'node:crypto';\nexport const etag = (body) => createHash('md5').update(body).digest('hex');",
    "const crypto = require('crypto');\nconst cacheKey = crypto.createHash('sha256').update(JSON.stringify(query)).digest('hex');",
    "import crypto from 'crypto';\nconst checksum = crypto.createHash('sha1').update(s3Object).digest('base64');",
    // A reset token is random: a fast hash of it is how it should be stored.
    "import { createHash } from 'crypto';\nconst resetTokenHash = createHash('sha256').update(resetToken).digest('hex');",
    // Slow, salted password hashing.
    "import { scryptSync, randomBytes } from 'node:crypto';\nconst salt = randomBytes(16);\nconst passwordHash = scryptSync(password, salt, 64);",
    "import { pbkdf2Sync } from 'crypto';\nconst hashed = pbkdf2Sync(password, salt, 600000, 32, 'sha256');",
    // HMAC with any digest is not a password hash.
    "import { createHmac } from 'crypto';\nconst signature = createHmac('sha256', secret).update(password).digest('hex');",
    // A createHash that is not Node's.
    "import { createHash } from './hashing.js';\nconst h = createHash('md5').update(password).digest('hex');",
    // Strong ciphers with a random IV; an IV read from the message.
    "import { createCipheriv, randomBytes } from 'crypto';\nconst iv = randomBytes(12);\nconst cipher = createCipheriv('aes-256-gcm', key, iv);",
    "const crypto = require('node:crypto');\nconst decipher = crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(payload.iv, 'hex'));",
    // A legacy algorithm the team accepts.
    { code: "import { createCipheriv } from 'crypto';\ncreateCipheriv('des-ede3-cbc', key, iv);", options: [{ ignoreAlgorithms: ['des-ede3-cbc'] }] },
    // A password *policy* or *label* is not a password.
    "import { createHash } from 'crypto';\nconst policyId = createHash('md5').update(passwordPolicy.name).digest('hex');",
    // A breach check: Have I Been Pwned's k-anonymity API is queried with a SHA-1 prefix.
    "import { createHash } from 'crypto';\nexport async function isPwned(password) {\n  const digest = createHash('sha1').update(password).digest('hex').toUpperCase();\n  const res = await fetch(`https://api.pwnedpasswords.com/range/${digest.slice(0, 5)}`);\n  return (await res.text()).includes(digest.slice(5));\n}",
    // A function named for a reset token's hash, not a password's.
    "const crypto = require('crypto');\nfunction hashPasswordResetToken(value) {\n  return crypto.createHash('sha256').update(value).digest('hex');\n}",
    // The md5 package on a file's content.
    "import md5 from 'md5';\nconst fingerprint = md5(fileBuffer);",
  ],
  invalid: [
    {
      // The function says what it hashes.
      code: "const crypto = require('node:crypto');\nconst hashPassword = (value) => crypto.createHash('sha256').update(value).digest('hex');",
      errors: [{ messageId: 'passwordHash', data: { name: 'hashPassword', algorithm: 'SHA256' }, line: 2, column: 33 }],
    },
    {
      code: "import { createHash } from 'node:crypto';\nexport async function register({ email, password }) {\n  const hash = createHash('sha256').update(password).digest('hex');\n  await users.put({ email, hash });\n}",
      errors: [{ messageId: 'passwordHash', data: { name: 'password', algorithm: 'SHA256' }, line: 3, column: 16 }],
    },
    {
      // Salted, through a local and a Buffer, still a fast hash.
      code: "const crypto = require('crypto');\nfunction hashPassword(user) {\n  const text = `${user.salt}:${user.password}`;\n  return crypto.createHash('md5').update(Buffer.from(text)).digest('hex');\n}",
      errors: [{ messageId: 'passwordHash', data: { name: 'password', algorithm: 'MD5' }, line: 4, column: 10 }],
    },
    {
      // The name the digest is stored under is the evidence.
      code: "import crypto from 'crypto';\nconst h = crypto.createHash('sha1');\nh.update(body.secretAnswer);\nrecord.passwordHash = h.digest('hex');",
      errors: [{ messageId: 'passwordHash', data: { name: 'passwordHash', algorithm: 'SHA1' }, line: 2, column: 11 }],
    },
    {
      code: "import CryptoJS from 'crypto-js';\nconst stored = CryptoJS.SHA256(req.body.pwd).toString();",
      errors: [{ messageId: 'passwordHash', data: { name: 'pwd', algorithm: 'SHA256' }, line: 2, column: 16 }],
    },
    {
      code: "import crypto from 'node:crypto';\nexport const encrypt = (text) => {\n  const cipher = crypto.createCipher('aes-256-cbc', process.env.KEY);\n  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');\n};",
      errors: [{ messageId: 'legacyCipher', data: { api: 'crypto.createCipher' }, line: 3, column: 18 }],
    },
    {
      code: "const { createDecipher } = require('crypto');\nconst decipher = createDecipher('aes192', secret);",
      errors: [{ messageId: 'legacyCipher', data: { api: 'crypto.createDecipher' }, line: 2, column: 18 }],
    },
    {
      code: "import { createCipheriv } from 'crypto';\nconst cipher = createCipheriv('aes-128-ecb', key, null);",
      errors: [{ messageId: 'ecbMode', data: { algorithm: 'aes-128-ecb' }, line: 2, column: 31 }],
    },
    {
      code: "import { createCipheriv, randomBytes } from 'crypto';\nconst cipher = createCipheriv('des-ede3-cbc', key, randomBytes(8));",
      errors: [{ messageId: 'weakCipher', data: { name: '3DES', algorithm: 'des-ede3-cbc' }, line: 2, column: 31 }],
    },
    {
      code: "const crypto = require('crypto');\nconst c = crypto.createCipheriv('rc4', key, '');",
      errors: [{ messageId: 'weakCipher', data: { name: 'RC4', algorithm: 'rc4' }, line: 2, column: 33 }],
    },
    {
      code: "import { createCipheriv } from 'crypto';\nconst IV = Buffer.from('0000000000000000');\nexport const seal = (key, text) => createCipheriv('aes-256-cbc', key, IV).update(text);",
      errors: [{ messageId: 'constantIv', line: 3, column: 71 }],
    },
    {
      code: "import * as crypto from 'crypto';\nconst cipher = crypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(12, 0));",
      errors: [{ messageId: 'constantIv', line: 2, column: 58 }],
    },
  ],
  tsValid: [
    "import { createHash } from 'node:crypto';\nconst id: string = createHash('sha256').update(event.body as string).digest('hex');",
    "import { createCipheriv, randomBytes } from 'node:crypto';\nconst iv: Buffer = randomBytes(16);\ncreateCipheriv('aes-256-cbc', key, iv);",
  ],
  tsInvalid: [
    {
      code: "import { createHash } from 'node:crypto';\nconst hashed = createHash('sha512').update(input.password as string).digest('hex');",
      errors: [{ messageId: 'passwordHash', data: { name: 'password', algorithm: 'SHA512' }, line: 2, column: 16 }],
    },
    {
      code: "import crypto = require('crypto');\nconst iv: Buffer = Buffer.from('abcdefghijklmnop');\ncrypto.createCipheriv('aes-128-cbc', key, iv);",
      errors: [{ messageId: 'constantIv', line: 3, column: 43 }],
    },
  ],
});
