import { AppError } from '../../shared/result';
import { findInstrument } from '../../server/instruments/instruments-service';
import { flag, flagList, requiredFlag, toId, type ParsedArgs } from '../args';
import { resolvePeriod } from '../resolve';
import { table, type CliRuntime } from '../runtime';

export async function periodsCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  switch (action) {
    case 'add': {
      const year = Number(requiredFlag(args, 'year'));
      const instruments = flagList(args, 'instrument');
      if (instruments.length === 0) throw new AppError('VALIDATION', 'Opsi --instrument <id|kode> wajib diisi minimal satu.');
      const deadline = flag(args, 'deadline');
      const force = args.booleans.has('force');
      const period = await runtime
        .call('periods:create', {
          year,
          instrumentIds: instruments.map((key) => findInstrument(runtime.ctx, key).id),
          ...(deadline ? { deadline } : {}),
          ...(force ? { force } : {}),
        })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'INSTRUMENT_OUT_OF_RANGE') {
            throw new AppError(error.code, `${error.message} Tambahkan --force bila instrumen ini memang tetap dipakai.`);
          }
          throw error;
        });
      runtime.print(period, () => `Tahun penilaian ${period.year} dibuat dengan ID ${period.id}.`);
      return;
    }
    case 'scope': {
      const period = await runtime.call('periods:set-scope', {
        periodId: resolvePeriod(runtime, requiredFlag(args, 'period')),
        add: flagList(args, 'add').map((value) => toId(value, 'Unit')),
        remove: flagList(args, 'remove').map((value) => toId(value, 'Unit')),
      });
      runtime.print(period, () => `Tahun ${period.year}: ${period.unitCount} unit dalam cakupan.`);
      return;
    }
    case 'list': {
      const periods = await runtime.call('periods:list', undefined);
      runtime.print(periods, () =>
        table(
          ['ID', 'Tahun', 'Instrumen', 'Unit', 'Sampel Ombudsman', 'Tenggat'],
          periods.map((period) => [
            period.id,
            period.year,
            period.instruments.map((item) => item.shortName).join(', '),
            period.unitCount,
            period.sampleCount,
            period.deadline,
          ]),
        ),
      );
      return;
    }
    default:
      throw new AppError('VALIDATION', 'Perintah periods: add --year … --instrument … | scope --period … --add … | list.');
  }
}
