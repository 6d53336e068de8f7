import type { TSESTree } from '@typescript-eslint/utils';
import { EVENT_FIELD_TRUST, SERVER_SET_REQUEST_FIELDS, SERVER_SET_UPLOAD_FIELDS, STRING_EVENT_FIELDS, STRING_REQUEST_FIELDS } from '../../models/aws-lambda.js';
import type { Trust } from '../../models/types.js';
import type { InputLabel } from './labels.js';

type Node = TSESTree.Node;

/*
 * The source model: which parts of a handler's input are new sources, who controls them (trust), and which are
 * always text. The trust of each Lambda event field is data, in models/aws-lambda.ts.
 */

export /**
 * Fields a Lambda event carries that the platform sets, not the caller; `requestContext` holds authorizer claims,
 * `methodArn`/`routeArn` name the route an authorizer is asked about, `triggerSource` and `userPoolId` come from Cognito.
 */
const TRUSTED_EVENT_FIELDS = new Set([
  'requestContext', 'stageVariables', 'httpMethod', 'resource', 'isBase64Encoded', 'routeKey', 'version',
  'messageId', 'receiptHandle', 'eventSource', 'eventSourceARN', 'awsRegion', 'md5OfBody', 'md5OfMessageAttributes',
  'attributes', 'eventName', 'eventID', 'eventVersion', 'eventTime', 'eventSubscriptionArn', 'EventSource',
  'EventVersion', 'EventSubscriptionArn', 'MessageId', 'TopicArn', 'Timestamp', 'SignatureVersion', 'Signature',
  'SigningCertUrl', 'SigningCertURL', 'UnsubscribeUrl', 'UnsubscribeURL', 'Type', 'sequenceNumber',
  'approximateArrivalTimestamp', 'kinesisSchemaVersion', 'account', 'region', 'time', 'detail-type', 'resources',
  'userIdentity', 'responseElements', 'requestParameters', 'bucket', 'ApproximateCreationDateTime', 'SizeBytes',
  'StreamViewType', 'SequenceNumber', 'length', 'methodArn', 'routeArn', 'triggerSource', 'userPoolId', 'callerContext',
]);

/** Parts of a Lambda event that only wrap records: `event.Records[i].Sns.Message` is where the data is. */
export const EVENT_ENVELOPES = new Set(['Records', 'Sns', 's3', 'object', 'dynamodb', 'kinesis']);

/** What a Koa context exposes of the request directly (`ctx.body` is the response). */
export const CONTEXT_FIELDS = new Set(['query', 'params', 'headers', 'header', 'cookies', 'querystring', 'href', 'url', 'path', 'host', 'hostname', 'ip', 'get']);

/** Properties of an HTTP request that the caller controls. */
export const REQUEST_FIELDS = new Set([
  'body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'url', 'originalUrl', 'path', 'hostname',
  'files', 'file', 'rawBody', 'nextUrl', 'searchParams', 'rawHeaders', 'json', 'text', 'formData', 'arrayBuffer',
  'blob', 'get', 'header', 'param', 'user', 'parseBody', 'queries', 'valid', 'data',
]);

/** How much the caller controls a request part, and whether it is always text. */
function requestTrust(segment: string): { trust: Trust; textOnly: boolean } {
  return { trust: SERVER_SET_REQUEST_FIELDS.has(segment) ? 'platform' : 'caller', textOnly: STRING_REQUEST_FIELDS.has(segment) };
}

/** A read of input: a new source when it selects a caller-controlled part of a whole input. */
export function readPart(label: InputLabel, node: Node, rawSegment: string | null, trusted: ReadonlySet<string>): InputLabel | null {
  const segment = rawSegment !== null && /^\d+$/.test(rawSegment) ? null : rawSegment;
  const kind = label.handler.inputKind;
  if (segment !== null && kind === 'event' && trusted.has(segment)) return null;
  if (label.whole && kind === 'request' && segment !== null && !REQUEST_FIELDS.has(segment)) return null;
  const path = segment === null ? `${label.path}[]` : `${label.path}.${segment}`;
  // `req.file.path`: where multer stored the upload, not a name the caller sent (`req.body.file.path` is).
  if (kind !== 'event' && segment !== null && SERVER_SET_UPLOAD_FIELDS.has(segment) && /^\w+(\.request)?\.(file|files(\.\w+)?(\[\])?)$/.test(label.path)) {
    return { ...label, path, trust: 'platform' };
  }
  if (!label.whole) return { ...label, path };
  if (kind === 'context') {
    // Koa `ctx` / Hono `c`: `ctx.request` and `c.req` are the request; `ctx.query`, `ctx.params`… read it.
    const onContext = !label.path.includes('.');
    if (onContext && (segment === 'request' || segment === 'req')) return { ...label, path, sourcePath: path };
    const fields = onContext ? CONTEXT_FIELDS : REQUEST_FIELDS;
    if (segment === null || !fields.has(segment)) return null;
    return { ...label, path, sourcePath: path, source: node, whole: false, ...requestTrust(segment) };
  }
  if (kind !== 'event') {
    return { ...label, path, sourcePath: path, source: node, whole: false, ...(kind === 'request' && segment ? requestTrust(segment) : {}) };
  }
  // A batch of records and each record are envelopes; the caller's data is inside them.
  const envelope = segment === null ? label.path.endsWith('.Records') : EVENT_ENVELOPES.has(segment);
  const atRoot = !label.path.includes('.') && !label.path.includes('[');
  let trust = label.trust;
  if (atRoot) trust = (segment !== null && Object.hasOwn(EVENT_FIELD_TRUST, segment) ? EVENT_FIELD_TRUST[segment] : undefined) ?? 'internal';
  // An S3 notification's object key is a name an uploader chose.
  else if (segment === 'key' && label.path.endsWith('.s3.object')) trust = 'uploader';
  const textOnly = atRoot && segment !== null && STRING_EVENT_FIELDS.has(segment);
  return { ...label, path, sourcePath: path, source: node, whole: envelope, trust, textOnly };
}
