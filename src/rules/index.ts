import noCommandInjection from './no-command-injection.js';
import noDirectLambdaInvoke from './no-direct-lambda-invoke.js';
import noDynamicCode from './no-dynamic-code.js';
import noErrorLeak from './no-error-leak.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noHtmlInjection from './no-html-injection.js';
import noInsecureRandomness from './no-insecure-randomness.js';
import noModuleScopeUserData from './no-module-scope-user-data.js';
import noNosqlInjection from './no-nosql-injection.js';
import noOpenRedirect from './no-open-redirect.js';
import noPathTraversal from './no-path-traversal.js';
import noPermissiveCors from './no-permissive-cors.js';
import noPlainHttp from './no-plain-http.js';
import noPublicStorage from './no-public-storage.js';
import noRegexInjection from './no-regex-injection.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noSqlInjection from './no-sql-injection.js';
import noSsrf from './no-ssrf.js';
import noTimingUnsafeCompare from './no-timing-unsafe-compare.js';
import noUnauthenticatedEndpoint from './no-unauthenticated-endpoint.js';
import noUnsafeDeserialization from './no-unsafe-deserialization.js';
import noUnvalidatedEvent from './no-unvalidated-event.js';
import noUnverifiedJwt from './no-unverified-jwt.js';
import noUserEnumeration from './no-user-enumeration.js';
import noWeakCrypto from './no-weak-crypto.js';
import noWildcardIam from './no-wildcard-iam.js';

/** Every rule, by id. The meta test fails when a file in this folder is missing here. */
export const rules = {
  'no-command-injection': noCommandInjection,
  'no-direct-lambda-invoke': noDirectLambdaInvoke,
  'no-dynamic-code': noDynamicCode,
  'no-error-leak': noErrorLeak,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-html-injection': noHtmlInjection,
  'no-insecure-randomness': noInsecureRandomness,
  'no-module-scope-user-data': noModuleScopeUserData,
  'no-nosql-injection': noNosqlInjection,
  'no-open-redirect': noOpenRedirect,
  'no-path-traversal': noPathTraversal,
  'no-permissive-cors': noPermissiveCors,
  'no-plain-http': noPlainHttp,
  'no-public-storage': noPublicStorage,
  'no-regex-injection': noRegexInjection,
  'no-sensitive-logging': noSensitiveLogging,
  'no-sql-injection': noSqlInjection,
  'no-ssrf': noSsrf,
  'no-timing-unsafe-compare': noTimingUnsafeCompare,
  'no-unauthenticated-endpoint': noUnauthenticatedEndpoint,
  'no-unsafe-deserialization': noUnsafeDeserialization,
  'no-unvalidated-event': noUnvalidatedEvent,
  'no-unverified-jwt': noUnverifiedJwt,
  'no-user-enumeration': noUserEnumeration,
  'no-weak-crypto': noWeakCrypto,
  'no-wildcard-iam': noWildcardIam,
};
