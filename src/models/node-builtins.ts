import type { SinkModel } from './types.js';

/** Node's own modules: processes, code evaluation, the file system, raw HTTP. `node:` prefixes match too. */
const shell = (name: string, module = 'child_process'): SinkModel => ({ kind: 'command', module, path: [name], needsString: true, variant: 'shell' });
// Without a shell the program and its argument list are still the caller's to choose (`--output=/etc/…`).
const program = (name: string): SinkModel => ({ kind: 'command', module: 'child_process', path: [name], arguments: [0, 1], variant: 'program' });
const vm = (name: string, construct = false): SinkModel => ({ kind: 'code', module: 'vm', path: [name], construct, needsString: true });

/** fs functions whose first argument (and, for copies and renames, second) is a path. */
const FS_ONE_PATH = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream',
  'createWriteStream', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'readdir', 'readdirSync', 'open',
  'openSync', 'mkdir', 'mkdirSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'opendir', 'opendirSync',
];
const FS_TWO_PATHS = ['copyFile', 'copyFileSync', 'rename', 'renameSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'cp', 'cpSync'];
const fs = (module: string, promisesOnly = false): SinkModel[] => [
  ...FS_ONE_PATH.filter((name) => !promisesOnly || !name.endsWith('Sync')).map((name): SinkModel => ({ kind: 'path', module, path: [name] })),
  ...FS_TWO_PATHS.filter((name) => !promisesOnly || !name.endsWith('Sync')).map((name): SinkModel => ({ kind: 'path', module, path: [name], arguments: [0, 1] })),
];

export const nodeBuiltins: SinkModel[] = [
  shell('exec'),
  shell('execSync'),
  program('spawn'),
  program('spawnSync'),
  program('execFile'),
  program('execFileSync'),
  program('fork'),
  shell('execaCommand', 'execa'),
  shell('execaCommandSync', 'execa'),
  shell('exec', 'shelljs'),
  vm('runInNewContext'),
  vm('runInThisContext'),
  vm('runInContext'),
  vm('compileFunction'),
  vm('Script', true),
  vm('SourceTextModule', true),
  ...fs('fs'),
  ...fs('fs/promises', true),
  ...fs('fs', true).map((entry) => ({ ...entry, path: ['promises', ...(entry as { path: string[] }).path] }) as SinkModel),
  { kind: 'url', module: 'http', path: ['request'] },
  { kind: 'url', module: 'http', path: ['get'] },
  { kind: 'url', module: 'https', path: ['request'] },
  { kind: 'url', module: 'https', path: ['get'] },
  { kind: 'url', module: 'net', path: ['connect'], arguments: [0, 1] },
  { kind: 'url', module: 'net', path: ['createConnection'], arguments: [0, 1] },
  { kind: 'url', module: 'net', path: ['Socket'], construct: true, instanceMethod: 'connect', arguments: [0, 1] },
  { kind: 'url', module: 'tls', path: ['connect'], arguments: [0, 1] },
];
