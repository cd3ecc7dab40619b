/**
 * `Patuh --cli <perintah> …` in the installed app: the same administrator CLI as
 * `npm run cli`, run by the main process before any window exists, then exit with its
 * code. The RunAsNode fuse stays off; this path only ever calls runCli.
 */
import type { CliIo } from '../../src/cli/run';
import type { CliHost } from '../../src/cli/runtime';

/** The arguments after `--cli`, or null when the app was started normally. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const index = argv.indexOf('--cli');
  return index === -1 ? null : argv.slice(index + 1);
}

export interface CliMainDeps {
  app: { exit(code: number): void; getVersion(): string; getPath(name: 'userData'): string };
  resourcesDir: string;
  nativeBinding: string | undefined;
  run: (argv: string[], io: CliIo | undefined, host: CliHost) => Promise<number>;
  io?: CliIo;
}

export async function runCliInMain(args: string[], deps: CliMainDeps): Promise<number> {
  let code: number;
  try {
    code = await deps.run(args, deps.io, {
      resourcesDir: deps.resourcesDir,
      // The app's own data folder unless --data-dir or PATUH_DATA_DIR says otherwise.
      defaultDataDir: process.env['PATUH_DATA_DIR'] ?? deps.app.getPath('userData'),
      appVersion: deps.app.getVersion(),
      invocation: 'Patuh --cli',
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    });
  } catch (error) {
    (deps.io?.err ?? ((text: string) => process.stderr.write(text)))(`Galat: ${(error as Error).message}\n`);
    code = 1;
  }
  deps.app.exit(code);
  return code;
}
