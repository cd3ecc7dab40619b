import path from 'node:path';
import fs from 'node:fs';
import { diffInstruments, type InstrumentDiff } from '../../core/instrument/diff';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { describeProblem } from '../../core/instrument/workbook-cells';
import { AppError } from '../../shared/result';
import { readInstrumentSource } from '../../server/instruments/instrument-workbook-import';
import { findInstrument } from '../../server/instruments/instruments-service';
import { requiredFlag, type ParsedArgs } from '../args';
import { table, type CliRuntime } from '../runtime';
import { formatPercent } from '../../core/scoring/rounding';

/** An instrument named by id or code, or an instrument file (.xlsx/.json) not imported yet. */
async function definitionOf(runtime: CliRuntime, key: string): Promise<InstrumentDefinition> {
  if (/\.(xlsx|json)$/iu.test(key) && fs.existsSync(key)) {
    const reading = await readInstrumentSource(path.resolve(key));
    if (!reading.ok) throw new AppError('INSTRUMENT_INVALID', `Berkas ${path.basename(key)} tidak valid: ${describeProblem(reading.problems[0]!)}`, { details: reading.problems.map(describeProblem) });
    return reading.instrument;
  }
  return findInstrument(runtime.ctx, key).definition;
}

function formatValue(value: string | number | boolean | null): string {
  if (value === null) return '(kosong)';
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'number') return value.toLocaleString('id-ID', { maximumFractionDigits: 4, useGrouping: false });
  return value.length > 70 ? `"${value.slice(0, 67)}…"` : `"${value}"`;
}

function diffText(diff: InstrumentDiff): string {
  if (diff.same) return `Tidak ada perbedaan antara ${diff.from.code} v${diff.from.version} dan ${diff.to.code} v${diff.to.version}.`;
  const lines = [`${diff.from.name} v${diff.from.version} → ${diff.to.name} v${diff.to.version}`];
  lines.push(`\nDitambahkan (${diff.added.length}):`, ...diff.added.map((entry) => `  + ${entry.kind} ${entry.code}: ${entry.name}`));
  lines.push(`\nDihapus (${diff.removed.length}):`, ...diff.removed.map((entry) => `  - ${entry.kind} ${entry.code}: ${entry.name}`));
  lines.push(
    `\nDiubah (${diff.changed.length}):`,
    ...diff.changed.map((change) => `  ~ ${change.kind} ${change.code} — ${change.fieldLabel}: ${formatValue(change.from)} → ${formatValue(change.to)}`),
  );
  return lines.join('\n');
}

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
          lines.push(`\n${aspect.name} — bobot ${formatPercent(aspect.weight)}${aspect.estimated ? ' (estimasi)' : ''}`);
          for (const indicator of aspect.indicators) {
            lines.push(`  ${indicator.number}. ${indicator.name} (${formatPercent(indicator.weight)})`);
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
      if (!file) throw new AppError('VALIDATION', 'Sebutkan berkas instrumen: instruments import FILE.xlsx|FILE.json.');
      const absolute = path.resolve(file);
      const preview = await runtime.call('instruments:import-preview', { file: absolute });
      if (!preview) throw new AppError('VALIDATION', 'Berkas instrumen tidak dipilih.');
      if (!preview.ok) {
        throw new AppError('INSTRUMENT_INVALID', `Instrumen tidak diimpor; ${preview.problems.length} masalah:\n${preview.problems.map((problem) => `  • ${describeProblem(problem)}`).join('\n')}`, {
          details: preview.problems.map(describeProblem),
        });
      }
      const instrument = await runtime.call('instruments:import-apply', { file: absolute, token: preview.token });
      runtime.print(instrument, () => `Instrumen ${instrument.shortName} v${instrument.version} diimpor dengan ID ${instrument.id}.`);
      return;
    }
    case 'export': {
      const key = args.positionals[0];
      if (!key) throw new AppError('VALIDATION', 'Sebutkan ID atau kode instrumen: instruments export <id> --out FILE.xlsx.');
      const instrument = findInstrument(runtime.ctx, key);
      const out = path.resolve(requiredFlag(args, 'out'));
      const result = await runtime.call('instruments:export', { id: instrument.id, outFile: out });
      runtime.print(result, () => `Templat instrumen ${instrument.shortName} v${instrument.version} disimpan di ${result?.path ?? out}.`);
      return;
    }
    case 'diff': {
      const [a, b] = args.positionals;
      if (!a || !b) throw new AppError('VALIDATION', 'Sebutkan dua instrumen: instruments diff <id|kode|berkas> <id|kode|berkas> [--json].');
      const diff = diffInstruments(await definitionOf(runtime, a), await definitionOf(runtime, b));
      runtime.print(diff, () => diffText(diff));
      return;
    }
    default:
      throw new AppError('VALIDATION', 'Perintah instruments: list | show <id|kode> | export <id> --out FILE.xlsx | import FILE | diff A B.');
  }
}
