import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { RESOURCES, tempDir } from '../helpers';

/** Bundle a child-process script so each spawn starts in tens of milliseconds (removed after the test). */
export async function bundleChild(entry: string): Promise<string> {
  return bundleChildInto(entry, tempDir('patuh-child-build-'));
}

/**
 * Bundle a child script into `dir` (which gets a node_modules link). Every test that spawns
 * a child uses this one build, so externals stay in one place.
 */
export async function bundleChildInto(entry: string, dir: string, name = `${path.basename(entry, '.ts')}.mjs`): Promise<string> {
  const out = path.join(dir, name);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    // Native modules stay in node_modules: esbuild cannot bundle their .node binaries.
    external: ['better-sqlite3', '@resvg/resvg-js'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  const link = path.join(dir, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(RESOURCES, '..', 'node_modules'), link, 'dir');
  return out;
}
