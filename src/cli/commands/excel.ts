import path from 'node:path';
import { AppError } from '../../shared/result';
import { exportGapReport, exportRecap, exportUnitPackage } from '../../server/excel/exports';
import { applyFormImport, exportForm, previewFormImport } from '../../server/excel/forms';
import { silentJob } from '../../server/jobs/job';
import { flag, requiredFlag, type ParsedArgs } from '../args';
import { resolvePeriod, resolveUnit } from '../resolve';
import { gapListCommand, lettersCommand } from './documents';
import { progressText, type CliRuntime } from '../runtime';

/** Progress on stderr so --json output on stdout stays machine-readable. */
const job = () =>
  silentJob(process.stderr.isTTY ? (fraction, message) => process.stderr.write(`\r${progressText(fraction, message)}`.padEnd(70)) : undefined);

export async function exportCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const out = path.resolve(requiredFlag(args, 'out'));
  const unit = () => resolveUnit(runtime, requiredFlag(args, 'unit'));
  let done: { path: string };
  switch (action) {
    case 'unit-package':
      done = await exportUnitPackage(runtime.ctx, { periodId, unitId: unit(), outDir: out, zip: args.booleans.has('zip') }, job());
      break;
    case 'recap':
      done = await exportRecap(runtime.ctx, { periodId, outFile: out }, job());
      break;
    case 'gaps':
      done = await exportGapReport(runtime.ctx, { periodId, unitId: unit(), outFile: out }, job());
      break;
    case 'form':
      done = await exportForm(runtime.ctx, { periodId, unitId: unit(), outFile: out }, job());
      break;
    case 'gap-list':
      done = await gapListCommand(runtime, periodId, out);
      break;
    case 'letters':
      // Prints its own summary (files and issued numbers).
      return void (await lettersCommand(runtime, periodId, out, args));
    default:
      throw new AppError('VALIDATION', 'Perintah export: unit-package | recap | gaps | gap-list | form | letters, dengan --period … [--unit …] --out ….');
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  runtime.print(done, () => `Selesai: ${done.path}`);
}

export async function importCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  const file = args.positionals[0];
  if (action !== 'form' || !file) throw new AppError('VALIDATION', 'Perintah import: form FILE.xlsx [--dry-run] [--overwrite-conflicts].');
  const scope = {
    ...(flag(args, 'period') ? { periodId: resolvePeriod(runtime, flag(args, 'period')!) } : {}),
    ...(flag(args, 'unit') ? { unitId: resolveUnit(runtime, flag(args, 'unit')!) } : {}),
  };
  const preview = await previewFormImport(runtime.ctx, { file: path.resolve(file), ...scope }, job());
  if (process.stderr.isTTY) process.stderr.write('\n');
  const describe = () =>
    preview.rejected
      ? `Ditolak: ${preview.rejected.message}`
      : [
          `${preview.changes.length} perubahan, ${preview.conflicts.length} konflik, ${preview.errors.length} galat baris.`,
          ...preview.errors.map((error) => `  Baris ${error.row}, ${error.column}: ${error.message} ${error.action}`),
          ...preview.changes.map((change) => `  ${change.requirement} — ${change.fieldLabel}: "${change.before}" → "${change.after}"`),
          ...preview.conflicts.map((conflict) => `  KONFLIK ${conflict.requirement} — ${conflict.fieldLabel}: di Patuh "${conflict.before}", di buku kerja "${conflict.after}"`),
        ].join('\n');
  if (args.booleans.has('dry-run') || !preview.ok) {
    runtime.print(preview, describe);
    if (!preview.ok) throw new AppError('FILE_REJECTED', preview.rejected?.message ?? 'Buku kerja memiliki galat; tidak ada yang diubah.');
    return;
  }
  const applied = await applyFormImport(
    runtime.ctx,
    { file: path.resolve(file), token: preview.token, resolveConflicts: args.booleans.has('overwrite-conflicts') ? 'overwrite' : 'skip', ...scope },
    job(),
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  runtime.print({ preview, applied }, () => `${describe()}\nDiterapkan: ${applied.applied} perubahan, ${applied.skipped} konflik dilewati.`);
}
