/**
 * `bulk-status`: one status for many requirements of one unit, the CLI side of
 * `checklist:set-status-bulk` (same rule, one transaction). Requirements by code
 * (positionals) and/or every requirement of an indicator (`--indicator N|KODE`).
 * Rows that cannot take the status (terverifikasi without evidence) stop the change unless
 * `--yes` says to apply to the others; `--dry-run` only tells what would change.
 */
import { EVIDENCE_STATUS_LABELS } from '../../core/checklist/types';
import { AppError } from '../../shared/result';
import type { ChecklistRequirement } from '../../shared/types';
import { flag, flagList, requiredFlag, type ParsedArgs } from '../args';
import { resolvePeriod, resolveUnit } from '../resolve';
import type { CliRuntime } from '../runtime';

const STATUSES = Object.keys(EVIDENCE_STATUS_LABELS);

export async function bulkStatusCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const unitId = resolveUnit(runtime, requiredFlag(args, 'unit'));
  const status = requiredFlag(args, 'set');
  if (!STATUSES.includes(status)) throw new AppError('VALIDATION', `Status "${status}" tidak dikenal. Pilih salah satu: ${STATUSES.join(', ')}.`);
  // The first word after the command is a code too (there is no sub-action).
  const codes = new Set([...(action ? [action] : []), ...args.positionals]);
  const indicators = new Set(flagList(args, 'indicator'));
  const instrument = flag(args, 'instrument');
  if (codes.size === 0 && indicators.size === 0) throw new AppError('VALIDATION', 'Sebutkan kode persyaratan (bulk-status … KODE…) atau --indicator N|KODE.');

  const checklist = await runtime.call('checklist:get', { periodId, unitId });
  const chosen: ChecklistRequirement[] = [];
  for (const entry of checklist.instruments) {
    if (instrument && String(entry.instrumentId) !== instrument && entry.code !== instrument) continue;
    for (const aspect of entry.aspects)
      for (const indicator of aspect.indicators)
        for (const requirement of indicator.requirements)
          if (codes.has(requirement.code) || indicators.has(indicator.code) || indicators.has(String(indicator.number))) chosen.push(requirement);
  }
  const found = new Set(chosen.map((requirement) => requirement.code));
  const missing = [...codes].filter((code) => !found.has(code));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `Persyaratan tidak ada pada tahun ini: ${missing.join(', ')}. Lihat: checklist show.`);
  if (chosen.length === 0) throw new AppError('NOT_FOUND', 'Tidak ada persyaratan yang cocok dengan --indicator yang diberikan.');

  const reason = flag(args, 'reason');
  const result = await runtime.call('checklist:set-status-bulk', {
    periodId,
    unitId,
    items: chosen.map((requirement) => ({ instrumentId: requirement.instrumentId, requirementCode: requirement.code })),
    status: status as never,
    ...(reason ? { reason } : {}),
    dryRun: args.booleans.has('dry-run'),
    skipRefused: args.booleans.has('yes'),
  });
  const { requirements: _shown, ...summary } = result;
  runtime.print(summary, () =>
    [
      `${result.dryRun ? 'Akan diubah' : 'Diubah'} menjadi "${EVIDENCE_STATUS_LABELS[result.status]}": ${result.changed.length} persyaratan; ${result.unchanged} sudah berstatus itu.`,
      ...result.changed.map((change) => `  ${change.requirementCode}: ${EVIDENCE_STATUS_LABELS[change.from]} → ${EVIDENCE_STATUS_LABELS[change.to]}`),
      ...(result.refused.length > 0 ? [`Belum punya bukti, tidak diubah: ${result.refused.length}`, ...result.refused.map((entry) => `  ${entry.requirementCode}: ${entry.text}`)] : []),
    ].join('\n'),
  );
}
