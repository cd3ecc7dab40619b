/**
 * Command line for administrators: `npm run cli -- <command> <action> [options]`.
 * Same services and validation as the app, no Electron. `--data-dir DIR` everywhere,
 * `--json` for machine-readable output; errors exit non-zero with an Indonesian message.
 */
import { AppError } from '../shared/result';
import { parseArgs, flag, type ParsedArgs } from './args';
import { assessCommand, gapsCommand, scoreCommand } from './commands/assessment';
import { checklistCommand, evidenceCommand } from './commands/evidence';
import { exportCommand, importCommand } from './commands/excel';
import { archiveCommand, backupCommand, restoreCommand } from './commands/backup';
import { instrumentsCommand } from './commands/instruments';
import { periodsCommand } from './commands/periods';
import { unitsCommand } from './commands/units';
import { openRuntime, type CliHost, type CliRuntime } from './runtime';

type Command = (runtime: CliRuntime, action: string | undefined, args: ParsedArgs) => Promise<void>;

export const commands: Record<string, Command> = {
  instruments: instrumentsCommand,
  units: unitsCommand,
  periods: periodsCommand,
  evidence: evidenceCommand,
  checklist: checklistCommand,
  assess: assessCommand,
  score: scoreCommand,
  gaps: gapsCommand,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
  archive: archiveCommand,
  // `restore FILE`: the source stands where other commands have their action.
  restore: (runtime, action) => restoreCommand(runtime, action),
};

const usage = (invocation = 'npm run cli --'): string => `Penggunaan: ${invocation} <perintah> <aksi> [opsi] [--data-dir DIR] [--json]

  instruments list | show <id|kode> | import FILE
  units add --name NAMA [--group KELOMPOK] [--short-name S] [--head NAMA] | list
  periods add --year TAHUN --instrument ID… [--deadline TTTT-BB-HH] | scope --period ID --add ID… --remove ID… | list
  checklist show --unit ID|NAMA --period ID|TAHUN
  evidence attach --unit … --period … --requirement KODE [--instrument ID] [--document-date TTTT-BB-HH] FILE…
  evidence link --unit … --period … --requirement KODE [--title JUDUL] URL
  evidence status --unit … --period … --requirement KODE --set STATUS [--reason ALASAN]
  evidence verify-store
  assess set --unit … --period … --indicator N|KODE --level 0–5 [--verified] [--reason ALASAN]
  score --period … [--unit …]
  gaps --period … --unit … [--verified]
  export unit-package --unit … --period … --out FOLDER [--zip]
  export recap --period … --out FILE.xlsx
  export gaps --unit … --period … --out FILE.xlsx
  export form --unit … --period … --out FILE.xlsx
  import form FILE.xlsx [--dry-run] [--overwrite-conflicts] [--unit …] [--period …]
  backup list | create | verify ID
  archive create --out FOLDER
  restore ID|FILE.sqlite|FOLDER-ARSIP`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function runCli(argv: string[], io: CliIo = processIo, host?: CliHost): Promise<number> {
  const args = parseArgs(argv);
  const [name, action] = args.positionals;
  args.positionals = args.positionals.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command || args.booleans.has('help')) {
    (command || args.booleans.has('help') ? io.out : io.err)(`${usage(host?.invocation)}\n`);
    return command || args.booleans.has('help') ? 0 : 2;
  }
  let opened: ReturnType<typeof openRuntime> | undefined;
  try {
    const dataDir = flag(args, 'data-dir');
    opened = openRuntime({ json: args.booleans.has('json'), out: io.out, ...(dataDir ? { dataDir } : {}), ...(host ? { host } : {}) });
    await command(opened.runtime, action, args);
    return 0;
  } catch (error) {
    const message = error instanceof AppError ? error.message : `Kesalahan tak terduga: ${(error as Error).message}`;
    const details = error instanceof AppError && error.details ? `\n${error.details.map((line) => `  - ${line}`).join('\n')}` : '';
    const fields =
      error instanceof AppError && error.fields && Object.keys(error.fields).length > 1
        ? `\n${Object.entries(error.fields).map(([key, text]) => `  - ${key}: ${text}`).join('\n')}`
        : '';
    io.err(`Galat: ${message}${details}${fields}\n`);
    return error instanceof AppError && error.code === 'VALIDATION' ? 2 : 1;
  } finally {
    opened?.app.close();
  }
}

