/**
 * `intake export | scan | apply`: the collection from units for scripts and other tools.
 * scan writes nothing (not even the scan index); apply takes one verified backup and
 * exits 1 when any chosen unit was refused, with the reasons on stderr.
 */
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { IntakeUnit } from '../../shared/intake-types';
import { applyIntake } from '../../server/intake/apply';
import { exportKits } from '../../server/intake/export-kit';
import { ScanIndex } from '../../server/intake/scan-index';
import { scanIntake } from '../../server/intake/scan';
import type { WorkbookSnapshot } from '../../server/excel/forms/snapshot';
import { silentJob } from '../../server/jobs/job';
import { flagList, requiredFlag, type ParsedArgs } from '../args';
import { resolvePeriod, resolveUnit } from '../resolve';
import { progressText, type CliRuntime } from '../runtime';

const USAGE = 'Perintah intake: export --period P [--unit U …] --out FOLDER [--zip] | scan --period P --from FOLDER [--json] | apply --period P --from FOLDER [--unit U …] [--overwrite-conflicts] [--json].';

const job = () => silentJob(process.stderr.isTTY ? (fraction, message) => process.stderr.write(`\r${progressText(fraction, message.slice(0, 60))}`.padEnd(72)) : undefined);
const endLine = () => (process.stderr.isTTY ? process.stderr.write('\n') : undefined);

/** `--unit 1 --unit 2` and `--unit 1 2 3` both work (later numbers land in positionals). */
function units(runtime: CliRuntime, args: ParsedArgs): number[] | undefined {
  const given = [...flagList(args, 'unit'), ...(flagList(args, 'unit').length > 0 ? args.positionals : [])];
  return given.length > 0 ? given.map((value) => resolveUnit(runtime, value)) : undefined;
}

const sources = (args: ParsedArgs): string[] => {
  const from = flagList(args, 'from');
  if (from.length === 0) requiredFlag(args, 'from');
  return from.map((value) => path.resolve(value));
};

/** The per-unit shape other tools read. */
function unitJson(unit: IntakeUnit) {
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    state: unit.state,
    refused: unit.refused,
    source: unit.source,
    sender: unit.sender,
    newFiles: unit.newFiles,
    changes: unit.changes,
    conflicts: unit.conflicts,
    errors: unit.errors,
    misplaced: unit.misplaced,
    duplicates: unit.duplicates,
    rejected: unit.rejected,
    levels: unit.levels,
    waiting: unit.waiting,
  };
}

function describeUnit(unit: IntakeUnit): string {
  if (unit.refused) return `${unit.unitName}: DITOLAK — ${unit.refused}`;
  const lines = [
    `${unit.unitName}: ${unit.newFiles.length} berkas baru, ${unit.changes.length} perubahan, ${unit.levels.length} tingkat F-01, ${unit.conflicts.length} konflik, ${unit.errors.length} galat, ${unit.misplaced.length} salah tempat, ${unit.rejected.length} ditolak, ${unit.duplicates.length} duplikat${unit.waiting > 0 ? `, ${unit.waiting} menunggu sinkron` : ''}`,
    ...unit.errors.map((error) => `  Baris ${error.row}, ${error.column}: ${error.message} ${error.action}`),
    ...unit.rejected.map((file) => `  Ditolak ${file.path}: ${file.reason}`),
    ...unit.misplaced.map((file) => `  Salah tempat ${file.path}`),
  ];
  return lines.join('\n');
}

export async function intakeCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action !== 'export' && action !== 'scan' && action !== 'apply') throw new AppError('VALIDATION', USAGE);
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const unitIds = units(runtime, args);
  if (action === 'export') {
    const result = await exportKits(runtime.ctx, { periodId, outDir: path.resolve(requiredFlag(args, 'out')), zip: args.booleans.has('zip'), ...(unitIds ? { unitIds } : {}) }, job());
    endLine();
    runtime.print(result, () => [`${result.kits.length} kit dibuat di ${result.path}`, ...result.kits.map((kit) => `  ${kit.unitName}: ${kit.path}${kit.workbookKept ? ' (buku kerja isian unit belum diterima, tidak ditimpa)' : ''}`)].join('\n'));
    return;
  }
  // In memory only: `scan` must write nothing, and a CLI run is short-lived anyway.
  const index = new ScanIndex();
  const snapshots = new Map<string, WorkbookSnapshot | string>();
  const from = sources(args);
  if (action === 'scan') {
    const { inbox } = await scanIntake(runtime.ctx, { periodId, from }, index, snapshots, job());
    endLine();
    const chosen = inbox.units.filter((unit) => !unitIds || (unit.unitId !== null && unitIds.includes(unit.unitId)));
    runtime.print(chosen.map(unitJson), () => (chosen.length === 0 ? 'Tidak ada kiriman ditemukan.' : chosen.map(describeUnit).join('\n')));
    return;
  }
  const result = await applyIntake(
    runtime.ctx,
    { periodId, from, overwriteConflicts: args.booleans.has('overwrite-conflicts'), ...(unitIds ? { unitIds } : {}) },
    { index, snapshots },
    job(),
  );
  endLine();
  runtime.print(result, () =>
    result.units.length === 0
      ? 'Tidak ada kiriman baru yang siap diterapkan.'
      : result.units.map((unit) => (unit.applied ? `${unit.unitName}: diterapkan — ${unit.files} berkas, ${unit.changes} perubahan, ${unit.levels} tingkat${unit.skippedConflicts > 0 ? `, ${unit.skippedConflicts} konflik dilewati` : ''}` : `${unit.unitName}: DITOLAK — ${unit.refused}`)).join('\n'),
  );
  const refused = result.units.filter((unit) => !unit.applied);
  if (refused.length > 0) {
    throw new AppError('FILE_REJECTED', `${refused.length} unit ditolak; tidak ada yang diubah untuk unit itu.`, { details: refused.map((unit) => `${unit.unitName}: ${unit.refused}`) });
  }
}
