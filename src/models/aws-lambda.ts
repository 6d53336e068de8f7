import type { Trust } from './types.js';

/**
 * Who controls each top-level field of a Lambda event. HTTP events (API Gateway REST and HTTP APIs, ALB, Function
 * URLs) carry the caller's request; AppSync carries the caller's `arguments`; Cognito triggers carry what a user
 * typed into a sign-up form. Queue, stream, bus, Step Functions and direct-invoke payloads come from the
 * application's own workflow; CloudFormation custom resources and CloudWatch Logs are written by AWS.
 */
export const EVENT_FIELD_TRUST: Readonly<Record<string, Trust>> = {
  body: 'caller',
  queryStringParameters: 'caller',
  multiValueQueryStringParameters: 'caller',
  pathParameters: 'caller',
  headers: 'caller',
  multiValueHeaders: 'caller',
  cookies: 'caller',
  rawPath: 'caller',
  rawQueryString: 'caller',
  path: 'caller',
  arguments: 'caller',
  request: 'caller',
  authorizationToken: 'caller',
  identitySource: 'caller',
  // AppSync: the resolver's parent object and pipeline state are the API's own data.
  source: 'internal',
  prev: 'internal',
  stash: 'internal',
  identity: 'platform',
  info: 'platform',
  // Cognito: the trigger's `response` is what the function fills in.
  response: 'platform',
  // CloudFormation custom resources and CloudWatch Logs subscriptions.
  RequestType: 'platform',
  ResourceProperties: 'platform',
  OldResourceProperties: 'platform',
  ResponseURL: 'platform',
  StackId: 'platform',
  RequestId: 'platform',
  LogicalResourceId: 'platform',
  PhysicalResourceId: 'platform',
  ResourceType: 'platform',
  ServiceToken: 'platform',
  awslogs: 'platform',
  // EventBridge and Step Functions.
  detail: 'internal',
  Records: 'internal',
};

/** Fields of an HTTP event: a handler that reads one of them answers HTTP. */
export const HTTP_EVENT_FIELDS = new Set([
  'body', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'headers', 'multiValueHeaders',
  'cookies', 'rawPath', 'rawQueryString',
]);

/** HTTP event parts that are always strings (or string arrays): they cannot carry a MongoDB operator object. */
export const STRING_EVENT_FIELDS = new Set([
  'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'headers', 'multiValueHeaders',
  'cookies', 'rawPath', 'rawQueryString', 'path',
]);

/** Request parts (Express, Koa, Fetch) that are always strings. `req.query` is not: `qs` parses `a[$ne]=1`. */
export const STRING_REQUEST_FIELDS = new Set(['params', 'headers', 'header', 'cookies', 'signedCookies', 'url', 'originalUrl', 'path', 'hostname', 'get', 'param', 'querystring', 'href', 'host', 'ip']);

/** Request properties an authentication layer sets, not the caller (`req.user` from passport, `req.auth`). */
export const SERVER_SET_REQUEST_FIELDS = new Set(['user', 'auth', 'session', 'hostname', 'host', 'protocol']);

/**
 * What upload middleware (multer) sets on `req.file`/`req.files[]`: where it stored the upload under a name it
 * generated. `originalname` and `mimetype` are the caller's.
 */
export const SERVER_SET_UPLOAD_FIELDS = new Set(['path', 'destination', 'filename', 'size']);

/** Headers that name this server (the request reached it by them), not a place the caller can send others to. */
export const ROUTING_HEADERS = new Set(['host', 'Host', ':authority']);
