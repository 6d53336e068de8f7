import type { SinkModel } from './types.js';

/** Deserialisers that can build functions or run code from their input. */
export const deserializers: SinkModel[] = [
  { kind: 'deserialize', module: 'node-serialize', path: ['unserialize'] },
  { kind: 'deserialize', module: 'serialize-to-js', path: ['deserialize'] },
  { kind: 'deserialize', module: 'funcster', path: ['deepDeserialize'] },
  { kind: 'deserialize', module: 'funcster', path: ['deserialize'] },
];
