import fs from 'node:fs';
import path from 'node:path';
import { repoResourcesDir } from './paths';

/** The app version from package.json (for Node hosts; Electron asks app.getVersion()). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoResourcesDir(), '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
