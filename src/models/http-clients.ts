import type { SinkModel } from './types.js';

/** HTTP clients: where a request goes (the whole URL, or the `url`/`baseURL`/`host` of its options). */
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream'];
const client = (module: string, callable = true, namespace: string[] = []): SinkModel[] => [
  ...(callable ? [{ kind: 'url', module, path: namespace } as SinkModel] : []),
  ...(callable ? [{ kind: 'url', module, path: namespace, property: 'url' } as SinkModel] : []),
  ...METHODS.map((method): SinkModel => ({ kind: 'url', module, path: [...namespace, method] })),
];

export const httpClients: SinkModel[] = [
  ...client('axios'),
  ...client('axios', true, ['default']),
  { kind: 'url', module: 'axios', path: ['create'], property: 'baseURL' },
  ...client('got'),
  ...client('node-fetch'),
  ...client('node-fetch', true, ['default']),
  ...client('undici', false),
  { kind: 'url', module: 'undici', path: ['fetch'] },
  { kind: 'url', module: 'undici', path: ['request'] },
  ...client('superagent'),
  ...client('needle', false),
  ...client('request'),
  ...client('request-promise'),
  ...client('request-promise-native'),
  ...client('cross-fetch'),
  ...client('cross-fetch', true, ['default']),
  { kind: 'url', module: 'ky', path: [] },
  ...client('ky', false),
];
