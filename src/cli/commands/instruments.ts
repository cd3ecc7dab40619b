import { AppError } from '../../shared/result';
import { findInstrument, importInstrumentFile } from '../../server/instruments/instruments-service';
import type { ParsedArgs } from '../args';
import { table, type CliRuntime } from '../runtime';

export async function instrumentsCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  switch (action) {
    case 'list': {
      const instruments = await runtime.call('instruments:list', undefined);
      runtime.print(instruments, () =>
        table(
          ['ID', 'Kode', 'Versi', 'Nama', 'Tahun', 'Indikator', 'Bukti dukung'],
          instruments.map((item) => [
            item.id,
            item.code,
            item.version,
            item.shortName + (item.hasEstimates ? ' (estimasi)' : ''),
            `${item.yearsFrom}–${item.yearsTo ?? 'kini'}`,
            item.indicatorCount,
            item.requirementCount,
          ]),
        ),
      );
      return;
    }
    case 'show': {
      const key = args.positionals[0];
      if (!key) throw new AppError('VALIDATION', 'Sebutkan ID atau kode instrumen: instruments show <id>.');
      const instrument = findInstrument(runtime.ctx, key);
      runtime.print(instrument, () => {
        const lines = [`${instrument.name} (${instrument.code} v${instrument.version})`];
        for (const aspect of instrument.definition.aspects) {
          lines.push(`\n${aspect.name} — bobot ${aspect.weight}%${aspect.estimated ? ' (estimasi)' : ''}`);
          for (const indicator of aspect.indicators) {
            lines.push(`  ${indicator.number}. ${indicator.name} (${indicator.weight}%)`);
            indicator.levels?.forEach((text, level) => lines.push(`       ${level}: ${text}`));
            indicator.requirements.forEach((requirement) => lines.push(`     • ${requirement.text} [${requirement.code}]`));
          }
        }
        return lines.join('\n');
      });
      return;
    }
    case 'import': {
      const file = args.positionals[0];
      if (!file) throw new AppError('VALIDATION', 'Sebutkan berkas instrumen: instruments import FILE.json.');
      const instrument = importInstrumentFile(runtime.ctx, file);
      runtime.print(instrument, () => `Instrumen ${instrument.shortName} v${instrument.version} diimpor dengan ID ${instrument.id}.`);
      return;
    }
    default:
      throw new AppError('VALIDATION', 'Perintah instruments: list | show <id|kode> | import FILE.');
  }
}
