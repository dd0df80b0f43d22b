// Compiles src/ to dist/ (npm run build) only when a source is newer than the last successful build: run by
// `npm ci` (prepare) and before `npm start` (prestart), so a start with nothing changed costs a directory walk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Written after a successful build: its mtime is when dist/ last matched the sources. */
const stamp = path.join(root, 'dist', '.build-stamp');

/** The newest mtime (ms) under `dir`, or of `dir` itself when it is a file; 0 when absent. */
function newestMtimeMs(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A directory's own mtime changes when a file in it is added, removed or renamed.
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtimeMs(path.join(target, entry)));
  return newest;
}

const inputs = ['src', 'package.json', 'package-lock.json', ...fs.readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name))];
const sourcesMs = Math.max(...inputs.map((input) => newestMtimeMs(path.join(root, input))));
const builtMs = fs.existsSync(path.join(root, 'dist', 'server.js')) ? newestMtimeMs(stamp) : 0;

if (builtMs > 0 && builtMs >= sourcesMs) process.exit(0);

process.stdout.write('roster: compiling src/ to dist/ …\n');
// The stamp takes the time the build began: a source saved while tsc runs still counts as newer.
const startedAt = new Date();
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stamp, `${startedAt.toISOString()}\n`);
fs.utimesSync(stamp, startedAt, startedAt);
