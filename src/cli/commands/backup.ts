import path from 'node:path';
import { AppError } from '../../shared/result';
import { silentJob } from '../../server/jobs/job';
import { flag, requiredFlag, type ParsedArgs } from '../args';
import { countText, megabytesText, type CliRuntime } from '../runtime';
import { discardFreshDatabase, freshDatabase } from '../../server/start-status';

const checkedAt = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short' });


export async function backupCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  switch (action) {
    case 'list': {
      const backups = await runtime.call('backup:list', undefined);
      runtime.print(backups, () =>
        backups.length === 0
          ? 'Belum ada cadangan.'
          : backups
              .map((backup) => {
                const state = backup.verified ? 'terverifikasi' : `BELUM TERVERIFIKASI: ${backup.problem}`;
                const checked = backup.lastVerification
                  ? `  diperiksa ${checkedAt.format(new Date(backup.lastVerification.at))}: ${backup.lastVerification.ok ? 'utuh' : 'RUSAK'}`
                  : '  belum pernah diperiksa ulang';
                return `${backup.id}  ${megabytesText(backup.sizeBytes)}  ${state}  sha256 ${backup.sha256?.slice(0, 12) ?? '-'}…${checked}`;
              })
              .join('\n'),
      );
      return;
    }
    case 'create': {
      const backup = await runtime.call('backup:create', undefined);
      runtime.print(backup, () => `Cadangan dibuat dan diverifikasi: ${backup.id}`);
      return;
    }
    case 'verify': {
      const id = args.positionals[0] ?? flag(args, 'id');
      if (!id) throw new AppError('VALIDATION', 'Sebutkan cadangan: backup verify <id> (lihat backup list).');
      const check = await runtime.call('backup:verify', { id });
      runtime.print(check, () => (check.ok ? `${id}: utuh.` : `${id}: RUSAK\n${check.problems.map((line) => `  - ${line}`).join('\n')}`));
      if (!check.ok) throw new AppError('IO', 'Cadangan tidak lolos pemeriksaan.');
      return;
    }
    default:
      throw new AppError('VALIDATION', 'Perintah backup: list | create | verify <id>.');
  }
}

export async function archiveCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action !== 'create') throw new AppError('VALIDATION', 'Perintah archive: create --out FOLDER.');
  const report = await runtime.app.backups.archive(path.resolve(requiredFlag(args, 'out')), silentJob());
  runtime.print(report, () => `Arsip lengkap dibuat dan diverifikasi: ${report.path} (${countText(report.fileCount)} berkas bukti)`);
}

/** `restore FILE|DIR`: a backup file (by id or path) or an archive folder. */
export async function restoreCommand(runtime: CliRuntime, target: string | undefined): Promise<void> {
  if (!target) throw new AppError('VALIDATION', 'Sebutkan sumber: restore <id cadangan | berkas .sqlite | folder arsip>.');
  const known = (await runtime.call('backup:list', undefined)).find((backup) => backup.id === target || backup.id === path.basename(target));
  const fresh = freshDatabase(runtime.app);
  let summary: Awaited<ReturnType<typeof runtime.call<'backup:restore'>>>;
  try {
    summary = known
      ? await runtime.call('backup:restore', { id: known.id })
      : await runtime.call('backup:restore', { archiveDir: path.resolve(target) });
  } catch (error) {
    // Started on an empty database only to restore: put the folder back, so the offer stays.
    if (fresh) discardFreshDatabase(runtime.app, fresh);
    throw error;
  }
  runtime.print(summary, () =>
    `Dipulihkan dari ${summary.kind} ${summary.source}. Keadaan sebelumnya disimpan sebagai ${summary.undoBackupId ?? '-'} (pulihkan itu untuk membatalkan).`,
  );
}
