import noCommandInjection from './no-command-injection.js';
import noDirectLambdaInvoke from './no-direct-lambda-invoke.js';
import noDynamicCode from './no-dynamic-code.js';
import noErrorLeak from './no-error-leak.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noModuleScopeUserData from './no-module-scope-user-data.js';
import noNosqlInjection from './no-nosql-injection.js';
import noPermissiveCors from './no-permissive-cors.js';
import noPlainHttp from './no-plain-http.js';
import noPublicStorage from './no-public-storage.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noSqlInjection from './no-sql-injection.js';
import noUnauthenticatedEndpoint from './no-unauthenticated-endpoint.js';
import noUnsafeDeserialization from './no-unsafe-deserialization.js';
import noUnvalidatedEvent from './no-unvalidated-event.js';
import noUserEnumeration from './no-user-enumeration.js';
import noWildcardIam from './no-wildcard-iam.js';

/** Every rule, by id. The meta test fails when a file in this folder is missing here. */
export const rules = {
  'no-command-injection': noCommandInjection,
  'no-direct-lambda-invoke': noDirectLambdaInvoke,
  'no-dynamic-code': noDynamicCode,
  'no-error-leak': noErrorLeak,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-module-scope-user-data': noModuleScopeUserData,
  'no-nosql-injection': noNosqlInjection,
  'no-permissive-cors': noPermissiveCors,
  'no-plain-http': noPlainHttp,
  'no-public-storage': noPublicStorage,
  'no-sensitive-logging': noSensitiveLogging,
  'no-sql-injection': noSqlInjection,
  'no-unauthenticated-endpoint': noUnauthenticatedEndpoint,
  'no-unsafe-deserialization': noUnsafeDeserialization,
  'no-unvalidated-event': noUnvalidatedEvent,
  'no-user-enumeration': noUserEnumeration,
  'no-wildcard-iam': noWildcardIam,
};
