/**
 * Presets from resources/unit-templates.json: tags on the template units for the usual
 * Ombudsman sample (kab/kota, province) and the fixed PEKPPP lokus, so a new year's
 * sample and scope are one click. Units are matched by name or short name; templates
 * with no such unit yet are named in the answer, never created silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ParsedInput } from '../../shared/contract';
import type { PresetApplied, UnitPreset } from '../../shared/channels/presets';
import { AppError } from '../../shared/result';
import type { ServerContext } from '../context';
import { getPeriod, setPeriodSample, setPeriodScope } from '../periods/periods-service';
import { getSettings } from '../settings/settings-service';
import { listUnits } from './units-service';

const fileSchema = z.object({
  presets: z
    .array(
      z.object({
        code: z.string().min(1),
        label: z.string().min(1),
        purpose: z.enum(['sample', 'scope']),
        kinds: z.array(z.enum(['kabupaten', 'kota', 'provinsi'])).min(1),
        years: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
        note: z.string().default(''),
      }),
    )
    .default([]),
  units: z.array(z.object({ name: z.string().min(1), shortName: z.string().min(1), tags: z.array(z.string()).default([]) })),
});

function readPresets(ctx: ServerContext): z.infer<typeof fileSchema> {
  const file = path.join(ctx.resourcesDir, 'unit-templates.json');
  const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new AppError('INTERNAL', 'Daftar unit bawaan (unit-templates.json) tidak valid.');
  return parsed.data;
}

const norm = (text: string | null | undefined) => (text ?? '').trim().toLocaleLowerCase('id-ID');

export function listPresets(ctx: ServerContext, input: ParsedInput<'presets:list'>): UnitPreset[] {
  const period = getPeriod(ctx, { id: input.periodId });
  const kind = getSettings(ctx).localGovernmentKind;
  const data = readPresets(ctx);
  const units = listUnits(ctx, undefined);
  const scope = new Map(period.units.map((unit) => [unit.unitId, unit]));
  return data.presets.map((preset) => {
    const templates = data.units.filter((template) => template.tags.includes(preset.code));
    const matched: UnitPreset['matched'] = [];
    const missing: string[] = [];
    for (const template of templates) {
      const unit = units.find((candidate) => [norm(candidate.name), norm(candidate.shortName)].some((name) => name !== '' && (name === norm(template.name) || name === norm(template.shortName))));
      if (!unit) missing.push(template.name);
      else if (!matched.some((item) => item.unitId === unit.id)) {
        const inScope = scope.get(unit.id);
        matched.push({ unitId: unit.id, unitName: unit.name, inScope: Boolean(inScope), sample: inScope?.ombudsmanSample ?? false });
      }
    }
    const yearFits = !preset.years || (period.year >= preset.years.from && period.year <= preset.years.to);
    return { code: preset.code, label: preset.label, purpose: preset.purpose, note: preset.note, applies: preset.kinds.includes(kind) && yearFits, matched, missing };
  });
}

/** Put the preset's units in the year's scope (and mark the sample) in one transaction. */
export function applyPreset(ctx: ServerContext, input: ParsedInput<'presets:apply'>): PresetApplied {
  const preset = listPresets(ctx, input).find((item) => item.code === input.code);
  if (!preset) throw new AppError('NOT_FOUND', `Preset "${input.code}" tidak dikenal.`);
  if (preset.matched.length === 0) {
    throw new AppError('VALIDATION', `Belum ada unit untuk "${preset.label}". Tambahkan dulu dari daftar unit bawaan di layar Unit (${preset.missing.join(', ')}).`);
  }
  const add = preset.matched.filter((unit) => !unit.inScope).map((unit) => unit.unitId);
  const toSample = preset.purpose === 'sample' ? preset.matched.filter((unit) => !unit.sample).map((unit) => unit.unitId) : [];
  const period = ctx.db
    .transaction(() => {
      let detail = setPeriodScope(ctx, { periodId: input.periodId, add, remove: [] });
      if (toSample.length > 0) detail = setPeriodSample(ctx, { periodId: input.periodId, unitIds: toSample, sample: true });
      return detail;
    })
    .immediate();
  return { period, added: add.length, sampled: toSample.length, missing: preset.missing };
}
