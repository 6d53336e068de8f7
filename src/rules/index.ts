import noCommandInjection from './no-command-injection.js';
import noDirectLambdaInvoke from './no-direct-lambda-invoke.js';
import noDynamicCode from './no-dynamic-code.js';
import noErrorLeak from './no-error-leak.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noInsecureRandomness from './no-insecure-randomness.js';
import noModuleScopeUserData from './no-module-scope-user-data.js';
import noNosqlInjection from './no-nosql-injection.js';
import noPlainHttp from './no-plain-http.js';
import noPublicStorage from './no-public-storage.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noSqlInjection from './no-sql-injection.js';
import noTimingUnsafeCompare from './no-timing-unsafe-compare.js';
import noUnsafeDeserialization from './no-unsafe-deserialization.js';
import noUnvalidatedEvent from './no-unvalidated-event.js';
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
  'no-insecure-randomness': noInsecureRandomness,
  'no-module-scope-user-data': noModuleScopeUserData,
  'no-nosql-injection': noNosqlInjection,
  'no-plain-http': noPlainHttp,
  'no-public-storage': noPublicStorage,
  'no-sensitive-logging': noSensitiveLogging,
  'no-sql-injection': noSqlInjection,
  'no-timing-unsafe-compare': noTimingUnsafeCompare,
  'no-unsafe-deserialization': noUnsafeDeserialization,
  'no-unvalidated-event': noUnvalidatedEvent,
  'no-user-enumeration': noUserEnumeration,
  'no-weak-crypto': noWeakCrypto,
  'no-wildcard-iam': noWildcardIam,
};
