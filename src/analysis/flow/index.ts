/** The taint engine, split along its seams: labels, the source model, guards, same-file calls, the engine. */
export { InputFlow } from './engine.js';
export type { InputLabel, InputUse } from './labels.js';
