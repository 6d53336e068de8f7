import { databases } from './databases.js';
import { deserializers } from './deserializers.js';
import { httpClients } from './http-clients.js';
import { jsBuiltins, templateEngines } from './js-builtins.js';
import { nodeBuiltins } from './node-builtins.js';
import type { SinkModel } from './types.js';
import { webFrameworks } from './web-frameworks.js';

export * from './types.js';

/** Every sink the plugin knows, before the user's own (`settings['serverless-security'].sinks`). */
export const SINKS: readonly SinkModel[] = [...jsBuiltins, ...templateEngines, ...nodeBuiltins, ...httpClients, ...databases, ...deserializers, ...webFrameworks];
