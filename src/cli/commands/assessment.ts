import { AppError } from '../../shared/result';
import { getInstrument } from '../../server/instruments/instruments-service';
import { getPeriod } from '../../server/periods/periods-service';
import { flag, requiredFlag, type ParsedArgs } from '../args';
import { resolvePeriod, resolveUnit } from '../resolve';
import { table, type CliRuntime } from '../runtime';
import { formatDecimal, viewLine } from '../../core/scoring';

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
  const verified = args.booleans.has('verified');
  const report = verified ? view.verifiedReport : view.selfReport;
  runtime.print(view, () => `Tersimpan. ${view.unitName}: ${viewLine(report, verified ? 'verified' : 'self')}`);
}

export async function scoreCommand(runtime: CliRuntime, _action: string | undefined, args: ParsedArgs): Promise<void> {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const unit = flag(args, 'unit');
  if (unit) {
    const scores = await runtime.call('scores:unit', { periodId, unitId: resolveUnit(runtime, unit) });
    const pekppp = scores.pekppp;
    runtime.print(scores, () =>
      [
        ...(pekppp
          ? [
              `PEKPPP ${viewLine(pekppp.current, 'current')}`,
              `       ${viewLine(pekppp.self, 'self')}`,
              `       ${viewLine(pekppp.verified, 'verified')}`,
              ...(pekppp.current ? ['', 'Cara menghitung nilai terkini:', ...pekppp.current.derivation] : []),
            ]
          : []),
        ...(scores.ombudsman
          ? [`\nOmbudsman (estimasi kesiapan): ${scores.ombudsman.report.total === null ? '-' : formatDecimal(scores.ombudsman.report.total, 2)}`, ...scores.ombudsman.report.derivation]
          : []),
      ].join('\n'),
    );
    return;
  }
  const board = await runtime.call('scores:dashboard', { periodId });
  const pemda = board.pekppp;
  const number = (value: number | null) => (value === null ? '-' : formatDecimal(value, 2));
  runtime.print(board, () =>
    [
      `Tahun ${board.year} — nilai terkini. Indeks pemda ${number(pemda?.index ?? null)} ${pemda?.band ? `${pemda.band.code}${pemda.band.provisional ? ' (sementara)' : ''}` : ''}`.trimEnd() +
        `; Ombudsman estimasi ${number(board.ombudsman?.total ?? null)}`,
      ...(pemda && pemda.unassessedUnits.length > 0 ? [`Belum dinilai (tidak dihitung): ${pemda.unassessedUnits.join(', ')}`] : []),
      table(
        ['Unit', 'Terkini', 'Kategori', 'Dasar', 'Mandiri', 'Verifikasi'],
        board.units.map((row) => [
          row.unitName,
          row.current ? number(row.current.index) : 'belum dinilai',
          row.category ? `${row.category.code}${row.category.provisional ? ' (sementara)' : ''}` : '',
          row.current ? `${row.current.basis.verified} verifikasi / ${row.current.basis.selfOnly} mandiri / ${row.current.basis.unassessed} belum` : '',
          number(row.selfIndex),
          number(row.verifiedIndex),
        ]),
      ),
    ].join('\n'),
  );
}

export async function gapsCommand(runtime: CliRuntime, _action: string | undefined, args: ParsedArgs): Promise<void> {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const gaps = await runtime.call('gaps:unit', {
    periodId,
    unitId: resolveUnit(runtime, requiredFlag(args, 'unit')),
    basis: args.booleans.has('verified') ? 'verifikasi' : args.booleans.has('self') ? 'mandiri' : 'terkini',
  });
  runtime.print(gaps, () =>
    [
      ...(gaps.pekppp ? ['PEKPPP:', ...gaps.pekppp.actions.slice(0, 10).map((a, i) => `  ${i + 1}. ${a.title} (+${a.gainLabel})`), ...gaps.pekppp.predictions.map((p) => `  ${p.sentence}`)] : []),
      ...(gaps.ombudsman ? ['Ombudsman:', ...gaps.ombudsman.actions.slice(0, 10).map((a, i) => `  ${i + 1}. ${a.title} (+${a.gainLabel})`)] : []),
    ].join('\n'),
  );
}
