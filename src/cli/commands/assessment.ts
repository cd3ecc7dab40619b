import { AppError } from '../../shared/result';
import { getInstrument } from '../../server/instruments/instruments-service';
import { getPeriod } from '../../server/periods/periods-service';
import { flag, requiredFlag, type ParsedArgs } from '../args';
import { resolvePeriod, resolveUnit } from '../resolve';
import type { CliRuntime } from '../runtime';

/** An indicator by its number in the PEKPPP instrument (1–31) or by its code. */
function resolveIndicator(runtime: CliRuntime, periodId: number, value: string): string {
  const instrument = getPeriod(runtime.ctx, { id: periodId }).instruments.find((item) => item.family === 'pekppp');
  if (!instrument) throw new AppError('VALIDATION', 'Tahun ini tidak memakai instrumen PEKPPP.');
  const indicators = getInstrument(runtime.ctx, { id: instrument.id }).definition.aspects.flatMap((aspect) => aspect.indicators);
  const found = /^\d+$/.test(value) ? indicators.find((item) => item.number === Number(value)) : indicators.find((item) => item.code === value);
  if (!found) throw new AppError('NOT_FOUND', `Indikator "${value}" tidak ada (pakai nomor 1–${indicators.length} atau kodenya).`);
  return found.code;
}

export async function assessCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action !== 'set') throw new AppError('VALIDATION', 'Perintah assess: set --unit … --period … --indicator N --level 0–5 [--verified].');
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const levelText = requiredFlag(args, 'level');
  const level = levelText === 'kosong' ? null : Number(levelText);
  const reason = flag(args, 'reason');
  const view = await runtime.call('assessment:set', {
    periodId,
    unitId: resolveUnit(runtime, requiredFlag(args, 'unit')),
    indicatorCode: resolveIndicator(runtime, periodId, requiredFlag(args, 'indicator')),
    verified: args.booleans.has('verified'),
    level,
    ...(reason ? { overrideReason: reason } : {}),
  });
  const report = args.booleans.has('verified') ? view.verifiedReport : view.selfReport;
  runtime.print(view, () => `Tersimpan. Indeks ${args.booleans.has('verified') ? 'verifikasi' : 'mandiri'} ${view.unitName}: ${report.index.toFixed(2).replace('.', ',')} (${report.band?.code ?? '-'})`);
}

export async function scoreCommand(runtime: CliRuntime, _action: string | undefined, args: ParsedArgs): Promise<void> {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const unit = flag(args, 'unit');
  if (unit) {
    const scores = await runtime.call('scores:unit', { periodId, unitId: resolveUnit(runtime, unit) });
    runtime.print(scores, () =>
      [
        ...(scores.pekppp ? [`PEKPPP mandiri: ${scores.pekppp.self.index} (${scores.pekppp.self.band?.code ?? '-'})`, ...scores.pekppp.self.derivation] : []),
        ...(scores.ombudsman ? [`\nOmbudsman (estimasi): ${scores.ombudsman.report.total ?? '-'}`, ...scores.ombudsman.report.derivation] : []),
      ].join('\n'),
    );
    return;
  }
  const board = await runtime.call('scores:dashboard', { periodId });
  runtime.print(board, () =>
    [
      `Tahun ${board.year}: indeks pemda ${board.pekppp?.index ?? '-'} (${board.pekppp?.band?.code ?? '-'}), Ombudsman estimasi ${board.ombudsman?.total ?? '-'}`,
      ...board.units.map((row) => `  ${row.unitName}: ${row.selfIndex ?? '-'} / ${row.verifiedIndex ?? '-'} ${row.category?.code ?? ''}`),
    ].join('\n'),
  );
}

export async function gapsCommand(runtime: CliRuntime, _action: string | undefined, args: ParsedArgs): Promise<void> {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const gaps = await runtime.call('gaps:unit', {
    periodId,
    unitId: resolveUnit(runtime, requiredFlag(args, 'unit')),
    basis: args.booleans.has('verified') ? 'verifikasi' : 'mandiri',
  });
  runtime.print(gaps, () =>
    [
      ...(gaps.pekppp ? ['PEKPPP:', ...gaps.pekppp.actions.slice(0, 10).map((a, i) => `  ${i + 1}. ${a.title} (+${a.gainLabel})`), ...gaps.pekppp.predictions.map((p) => `  ${p.sentence}`)] : []),
      ...(gaps.ombudsman ? ['Ombudsman:', ...gaps.ombudsman.actions.slice(0, 10).map((a, i) => `  ${i + 1}. ${a.title} (+${a.gainLabel})`)] : []),
    ].join('\n'),
  );
}
