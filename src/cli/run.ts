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
import { intakeCommand } from './commands/intake';
import { periodsCommand } from './commands/periods';
import { unitsCommand } from './commands/units';
import { remindersCommand, settingsCommand } from './commands/documents';
import { skmCommand } from './commands/skm';
import { bulkStatusCommand } from './commands/bulk-status';
import { openRuntime, type CliHost, type CliRuntime } from './runtime';
import { StartUnsettledError, type StartedApp } from '../server/app';
import { toUserError } from '../server/db/errors';
import { lockedMessage } from '../server/lock/data-lock';

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
  settings: settingsCommand,
  reminders: remindersCommand,
  skm: skmCommand,
  // `restore FILE`: the source stands where other commands have their action.
  restore: (runtime, action) => restoreCommand(runtime, action),
  intake: intakeCommand,
  'bulk-status': bulkStatusCommand,
};

const usage = (invocation = 'npm run cli --'): string => `Penggunaan: ${invocation} <perintah> <aksi> [opsi] [--data-dir DIR] [--json] [--start-empty]

  instruments list | show <id|kode> | export <id|kode> --out FILE.xlsx | import FILE.xlsx|FILE.json | diff A B [--json]
  units add --name NAMA [--group KELOMPOK] [--short-name S] [--head NAMA] | list
  periods add --year TAHUN --instrument ID… [--deadline TTTT-BB-HH] [--force] | scope --period ID --add ID… --remove ID… | list
  checklist show --unit ID|NAMA --period ID|TAHUN
  evidence attach --unit … --period … --requirement KODE [--instrument ID] [--document-date TTTT-BB-HH] FILE…
  evidence link --unit … --period … --requirement KODE [--title JUDUL] URL
  evidence status --unit … --period … --requirement KODE --set STATUS [--reason ALASAN]
  bulk-status --unit … --period … --set STATUS [--reason ALASAN] [--indicator N|KODE …] [--instrument ID] [--dry-run] [--yes] [KODE…]
  evidence shared --period ID|TAHUN
  evidence verify-store
  assess set --unit … --period … --indicator N|KODE --level 0–5 [--verified] [--reason ALASAN]
  score --period … [--unit …]
  gaps --period … --unit … [--verified]
  export unit-package --unit … --period … --out FOLDER [--zip]
  export recap --period … --out FILE.xlsx
  export gaps --unit … --period … --out FILE.xlsx
  export form --unit … --period … --out FILE.xlsx
  export gap-list --period … --out FILE.xlsx
  export letters --kind nota-dinas|berita-acara|laporan --period … [--unit U …] [--reply-by TTTT-BB-HH] --out FOLDER
  settings show | set --KUNCI NILAI …   (mis. --place Sleman --kabag-nip 197005121995031002 --logo logo.png)
  units update UNIT --head NAMA --nip NIP --phone HP [--rank PANGKAT] [--email EMAIL]
  reminders --period … [--unit …] [--json]
  import form FILE.xlsx [--dry-run] [--overwrite-conflicts] [--unit …] [--period …]
  backup list | create | verify ID
  archive create --out FOLDER
  restore ID|FILE.sqlite|FOLDER-ARSIP
  intake export --period … [--unit …] --out FOLDER [--zip] | scan --period … --from FOLDER | apply --period … --from FOLDER [--unit …] [--overwrite-conflicts]
  skm import --unit … --period TAHUN|TAHUN-S1 --service NAMA FILE.csv|FILE.xlsx | score --unit … --period …

Kode keluar: 0 berhasil, 1 galat, 2 masukan salah, 3 basis data dikarantina/hilang (lihat
tawaran pemulihan di stderr), 4 data sedang dibuka oleh Patuh lain.`;

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, error: 1, usage: 2, unsettled: 3, locked: 4 } as const;

/**
 * Commands that only read may run while the app holds the data folder (read-only then);
 * everything else writes and is refused. Listed positively: a new command writes until
 * someone decides otherwise.
 */
const READ_ONLY: Record<string, ReadonlySet<string | undefined>> = {
  instruments: new Set(['list', 'show', 'export', 'diff']),
  units: new Set(['list']),
  periods: new Set(['list']),
  checklist: new Set(['show']),
  evidence: new Set(['verify-store', 'shared']),
  score: new Set([undefined]),
  gaps: new Set([undefined]),
  // Letters are not here: a Nota Dinas takes the next number of the register.
  export: new Set(['unit-package', 'recap', 'gaps', 'form', 'gap-list']),
  backup: new Set(['list', 'verify']),
  archive: new Set(['create']),
  settings: new Set(['show']),
  intake: new Set(['scan']),
  skm: new Set(['score']),
};

export function isReadOnlyCommand(name: string, action: string | undefined, args: ParsedArgs): boolean {
  if (name === 'import') return args.booleans.has('dry-run');
  // score/gaps take their options as flags, so "action" is whatever came second.
  if (name === 'score' || name === 'gaps' || name === 'reminders') return true;
  return READ_ONLY[name]?.has(action) ?? false;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `patuh … | head` closes the pipe early: further output is dropped quietly (no EPIPE
 * stack trace) and the command still finishes and closes the data properly.
 */
const closed = { out: false, err: false };

/** Called once by the process entry (main.ts); a broken pipe stops that stream's output. */
export function installPipeGuards(): void {
  process.stdout.on('error', () => (closed.out = true));
  process.stderr.on('error', () => (closed.err = true));
}

const processIo: CliIo = {
  out: (text) => void (closed.out || process.stdout.write(text)),
  err: (text) => void (closed.err || process.stderr.write(text)),
};

function readOnlyNotice(app: StartedApp): string {
  const why = app.heldBy
    ? lockedMessage(app.heldBy).split(';')[0]!
    : app.lock
      ? 'Ruang disk folder data hampir habis'
      : 'Folder data tidak dapat ditulis (hanya-baca atau izin tidak cukup)';
  return `Catatan: ${why}. Data dibuka hanya-baca; perintah ini hanya membaca.`;
}

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
    opened = openRuntime({
      json: args.booleans.has('json'),
      out: io.out,
      access: isReadOnlyCommand(name!, action, args) ? 'read' : 'write',
      // Restoring is how an unsettled start is resolved; --start-empty is the deliberate other way.
      unsettled: name === 'restore' || args.booleans.has('start-empty') ? 'open-empty' : 'refuse',
      ...(dataDir ? { dataDir } : {}),
      ...(host ? { host } : {}),
    });
    if (opened.app.readOnly) io.err(`${readOnlyNotice(opened.app)}\n`);
    await command(opened.runtime, action, args);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof StartUnsettledError) {
      io.err(`${error.message}\n`);
      return EXIT.unsettled;
    }
    const message = error instanceof AppError ? error.message : toUserError(error).message;
    const details = error instanceof AppError && error.details ? `\n${error.details.map((line) => `  - ${line}`).join('\n')}` : '';
    const fields =
      error instanceof AppError && error.fields && Object.keys(error.fields).length > 1
        ? `\n${Object.entries(error.fields).map(([key, text]) => `  - ${key}: ${text}`).join('\n')}`
        : '';
    io.err(`Galat: ${message}${details}${fields}\n`);
    if (error instanceof AppError && error.code === 'DATA_LOCKED') return EXIT.locked;
    return error instanceof AppError && error.code === 'VALIDATION' ? EXIT.usage : EXIT.error;
  } finally {
    opened?.app.close();
  }
}

