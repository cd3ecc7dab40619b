// `npm run cli -- …`: runs the bundled CLI (out/cli/patuh-cli.mjs) with plain node,
// rebuilding it first when it is missing or older than any source it is built from.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'patuh-cli.mjs');
// The renderer and the browser preview never end up in the CLI bundle.
const SKIP = new Set([path.join(root, 'src', 'renderer'), path.join(root, 'src', 'preview')]);

function newestSource(dir, newest = 0) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(full)) newest = newestSource(full, newest);
    } else if (entry.name.endsWith('.ts')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function stale() {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return true;
  }
  const inputs = [path.join(root, 'scripts', 'build-cli.mjs'), path.join(root, 'package.json')];
  return Math.max(newestSource(path.join(root, 'src')), ...inputs.map((file) => fs.statSync(file).mtimeMs)) > built;
}

if (stale()) {
  process.stderr.write('Membangun CLI (out/cli/patuh-cli.mjs)…\n');
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
// Node ≥ 22.1 keeps compiled code between runs (saves parsing the bundle); older: no-op.
module.enableCompileCache?.();
// Same process, same argv shape (node, script, …arguments): the bundle reads argv itself.
await import(pathToFileURL(bundle).href);
