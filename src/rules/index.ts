import noDynamicCode from './no-dynamic-code.js';
import noUnvalidatedEvent from './no-unvalidated-event.js';

/** Every rule, by id. The meta test fails when a file in this folder is missing here. */
export const rules = {
  'no-dynamic-code': noDynamicCode,
  'no-unvalidated-event': noUnvalidatedEvent,
};
