import rule from '../../src/rules/no-unverified-jwt.js';
import { testRule } from '../rule-tester.js';

const JWT = "const jwt = require('jsonwebtoken');\n";

testRule('no-unverified-jwt', rule, {
  valid: [
    // The JWKS pattern: the header picks the key, then the same token is verified.
    `${JWT}exports.handler = async (event) => {\n  const token = event.headers.Authorization.split(' ')[1];\n  const decoded = jwt.decode(token, { complete: true });\n  if (!decoded) return { statusCode: 401, body: '' };\n  const key = await signingKey(decoded.header.kid);\n  const claims = jwt.verify(token, key, { algorithms: ['RS256'] });\n  return { statusCode: 200, body: claims.sub };\n};`,
    // Only the header, with no verify in sight here (a helper picking the key).
    `${JWT}exports.handler = async (event) => {\n  const { header } = jwt.decode(event.headers.Authorization, { complete: true });\n  return { statusCode: 200, body: JSON.stringify({ kid: header.kid }) };\n};`,
    "import { decodeProtectedHeader, decodeJwt, jwtVerify, createRemoteJWKSet } from 'jose';\nconst JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));\nexport async function handler(event) {\n  const token = event.headers.authorization?.slice(7);\n  const { alg } = decodeProtectedHeader(token);\n  const { sub } = decodeJwt(token);\n  await jwtVerify(token, JWKS, { algorithms: [alg] });\n  return { statusCode: 200, body: sub };\n}",
    // Verified by the handler, decoded by a helper it calls.
    `${JWT}const { CognitoJwtVerifier } = require('aws-jwt-verify');\nconst verifier = CognitoJwtVerifier.create({ userPoolId: process.env.POOL_ID, tokenUse: 'id', clientId: process.env.CLIENT_ID });\nfunction emailOf(token) {\n  return jwt.decode(token).email;\n}\nexports.handler = async (event) => {\n  const token = event.headers.Authorization;\n  await verifier.verify(token);\n  return { statusCode: 200, body: emailOf(token) };\n};`,
    // A token the function got for itself from its authorisation server: reading its expiry is caching, not trust.
    `${JWT}let cached;\nasync function accessToken() {\n  const res = await fetch('https://auth.example.com/oauth/token', { method: 'POST' });\n  const { access_token } = await res.json();\n  cached = { token: access_token, exp: jwt.decode(access_token).exp };\n  return cached.token;\n}\nexports.handler = async () => ({ statusCode: 200, body: await accessToken() });`,
    // Decoding the header segment by hand.
    // The header segment through an array of segments, to pick the verification key.
    "import { base64url } from 'jose';\nexport const handler = async (event) => {\n  const parts = event.headers.authorization.split('.');\n  const header = JSON.parse(new TextDecoder().decode(base64url.decode(parts[0])));\n  return { statusCode: 200, body: header.kid };\n};",
    "export const handler = async (event) => {\n  const token = event.headers.authorization.split(' ')[1];\n  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());\n  return { statusCode: 200, body: header.kid };\n};",
    // `none` is not allowed; explicit algorithms.
    `${JWT}exports.handler = async (event) => {\n  const claims = jwt.verify(event.headers.Authorization, process.env.JWT_SECRET, { algorithms: ['HS256'] });\n  return { statusCode: 200, body: claims.sub };\n};`,
    // Not a handler: a CLI printing a token's claims for its operator.
    `${JWT}console.log(jwt.decode(process.argv[2]));`,
  ],
  invalid: [
    {
      code: "import jwt from 'jsonwebtoken';\nexport const handler = async (event) => {\n  const token = event.headers.authorization.replace('Bearer ', '');\n  const claims = jwt.decode(token);\n  return { statusCode: 200, body: JSON.stringify(await ordersOf(claims.sub)) };\n};",
      errors: [{ messageId: 'claimsUnverified', data: { token: 'token' }, line: 4, column: 18 }],
    },
    {
      // A Lambda authorizer that never checks the signature: anyone is allowed in as anyone.
      code: `${JWT}exports.handler = async (event) => {\n  const decoded = jwt.decode(event.authorizationToken, { complete: true });\n  if (decoded.payload.iss !== process.env.ISSUER) throw new Error('Unauthorized');\n  return policyFor(decoded.payload.sub, 'Allow', event.methodArn);\n};`,
      errors: [{ messageId: 'claimsUnverified', data: { token: 'event.authorizationToken' }, line: 3, column: 19 }],
    },
    {
      // One token verified, another (the cookie) only decoded.
      code: "import { decodeJwt, jwtVerify, createRemoteJWKSet } from 'jose';\nconst JWKS = createRemoteJWKSet(new URL('https://issuer.example.com/.well-known/jwks.json'));\nexport async function handler(event) {\n  await jwtVerify(event.headers.authorization, JWKS);\n  const { email } = decodeJwt(event.cookies[0]);\n  return { statusCode: 200, body: email };\n}",
      errors: [{ messageId: 'claimsUnverified', data: { token: 'event.cookies[0]' }, line: 5, column: 21 }],
    },
    {
      // The payload segment decoded by hand, by index and by destructuring.
      code: "export const handler = async (event) => {\n  const token = event.headers.authorization.split(' ')[1];\n  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString());\n  const [, body] = token.split('.');\n  const claims = JSON.parse(atob(body.replace(/-/g, '+').replace(/_/g, '/')));\n  return { statusCode: 200, body: payload.email + claims.sub };\n};",
      errors: [
        { messageId: 'claimsUnverified', data: { token: 'token' }, line: 3, column: 30 },
        { messageId: 'claimsUnverified', data: { token: 'token' }, line: 5, column: 29 },
      ],
    },
    {
      // The segments kept in an array and the payload decoded with a base64url helper (node-jose, the base64url package).
      code: "const jose = require('node-jose');\nexports.handler = async (event) => {\n  const sections = event.headers.Authorization.split('.');\n  const claims = JSON.parse(jose.util.base64url.decode(sections[1]));\n  return { statusCode: 200, body: claims.username };\n};",
      errors: [{ messageId: 'claimsUnverified', data: { token: 'event.headers.Authorization' }, line: 4, column: 29 }],
    },
    {
      // A deserialised request is still the caller's: its `Authorization` header is theirs to forge.
      code: "const serialize = require('node-serialize');\nexports.handler = async (event) => {\n  const headers = serialize.unserialize(event.headers);\n  const claims = JSON.parse(Buffer.from(headers.Authorization.split('.')[1], 'base64').toString());\n  return { statusCode: 200, body: claims.username };\n};",
      errors: [{ messageId: 'claimsUnverified', data: { token: 'headers.Authorization' }, line: 4, column: 29 }],
    },
    {
      code: "import express from 'express';\nimport { jwtDecode } from 'jwt-decode';\nconst app = express();\napp.get('/me', (req, res) => {\n  const user = jwtDecode(req.cookies.session);\n  res.json({ admin: user.role === 'admin' });\n});",
      errors: [{ messageId: 'claimsUnverified', data: { token: 'req.cookies.session' }, line: 5, column: 16 }],
    },
    {
      code: `${JWT}exports.handler = async (event) => {\n  const claims = jwt.verify(event.headers.Authorization, process.env.JWT_SECRET, { algorithms: ['HS256', 'none'] });\n  return { statusCode: 200, body: claims.sub };\n};`,
      errors: [{ messageId: 'noneAlgorithm', line: 3, column: 106 }],
    },
    {
      // The decoded claims go into a helper; the verify is of a different value.
      code: `${JWT}exports.handler = async (event) => {\n  const { idToken, accessToken } = JSON.parse(event.body);\n  jwt.verify(accessToken, process.env.JWT_SECRET);\n  return { statusCode: 200, body: JSON.stringify(profileOf(jwt.decode(idToken))) };\n};`,
      errors: [{ messageId: 'claimsUnverified', data: { token: 'idToken' }, line: 5, column: 60 }],
    },
  ],
  tsValid: [
    "import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport * as jwt from 'jsonwebtoken';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const token = event.headers.Authorization!.slice(7);\n  const claims = jwt.verify(token, process.env.JWT_SECRET as string) as jwt.JwtPayload;\n  const decoded = jwt.decode(token) as jwt.JwtPayload;\n  return { statusCode: 200, body: String(decoded.exp ?? claims.sub) };\n};",
  ],
  tsInvalid: [
    {
      code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport * as jwt from 'jsonwebtoken';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const token = event.headers.Authorization!.slice(7);\n  const { sub } = jwt.decode(token) as jwt.JwtPayload;\n  return { statusCode: 200, body: sub! };\n};",
      errors: [{ messageId: 'claimsUnverified', data: { token: 'token' }, line: 5, column: 19 }],
    },
  ],
});
