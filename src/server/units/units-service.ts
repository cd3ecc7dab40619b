import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/result';
import type { BulkCreateReport, Unit, UnitGroup, UnitTemplate } from '../../shared/types';
import type { ParsedInput } from '../../shared/contract';
import { isoNow, type ServerContext } from '../context';
import { memoFor } from '../db/memo';
import { applyUnitHead } from '../documents/unit-head';
import { unitsRepository } from './units-repository';

const repo = (ctx: ServerContext) => memoFor(ctx.db, unitsRepository);

function requireUnit(ctx: ServerContext, id: number): Unit {
  const unit = repo(ctx).get(id);
  if (!unit) throw new AppError('NOT_FOUND', `Unit dengan ID ${id} tidak ditemukan.`);
  return unit;
}

function assertNameFree(ctx: ServerContext, name: string, exceptId?: number): void {
  const existing = repo(ctx).findActiveByName(name);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', `Unit "${existing.name}" sudah ada. Gunakan nama lain atau ubah unit yang ada.`, {
      fields: { name: 'Nama unit sudah dipakai unit lain.' },
    });
  }
}

export function listUnits(ctx: ServerContext, input: ParsedInput<'units:list'>): Unit[] {
  const search = input?.search?.trim().toLocaleLowerCase('id-ID') ?? '';
  return repo(ctx)
    .all()
    .filter((unit) => input?.includeArchived || !unit.archived)
    .filter((unit) => !input?.groupId || unit.groupId === input.groupId)
    .filter(
      (unit) =>
        search === '' ||
        unit.name.toLocaleLowerCase('id-ID').includes(search) ||
        (unit.shortName ?? '').toLocaleLowerCase('id-ID').includes(search) ||
        (unit.headName ?? '').toLocaleLowerCase('id-ID').includes(search),
    );
}

export function getUnit(ctx: ServerContext, input: ParsedInput<'units:get'>): Unit {
  return requireUnit(ctx, input.id);
}

export function listUnitGroups(ctx: ServerContext): UnitGroup[] {
  return repo(ctx).groups();
}

export function createUnit(ctx: ServerContext, input: ParsedInput<'units:create'>): Unit {
  return ctx.db
    .transaction(() => {
      assertNameFree(ctx, input.name);
      const groupId = repo(ctx).ensureGroup(input.groupName);
      const id = repo(ctx).insert(
        { name: input.name, shortName: input.shortName ?? null, groupId, headName: input.headName ?? null },
        isoNow(ctx),
      );
      applyUnitHead(ctx, id, input);
      return requireUnit(ctx, id);
    })
    .immediate();
}

export function updateUnit(ctx: ServerContext, input: ParsedInput<'units:update'>): Unit {
  return ctx.db
    .transaction(() => {
      const unit = requireUnit(ctx, input.id);
      if (!unit.archived) assertNameFree(ctx, input.name, unit.id);
      const groupId = repo(ctx).ensureGroup(input.groupName);
      repo(ctx).update(
        unit.id,
        { name: input.name, shortName: input.shortName ?? null, groupId, headName: input.headName ?? null },
        isoNow(ctx),
      );
      applyUnitHead(ctx, unit.id, input);
      return requireUnit(ctx, unit.id);
    })
    .immediate();
}

/** Archiving hides a unit from new work but keeps every record of it. */
export function archiveUnit(ctx: ServerContext, input: ParsedInput<'units:archive'>): Unit {
  return ctx.db
    .transaction(() => {
      const unit = requireUnit(ctx, input.id);
      if (!unit.archived) repo(ctx).setArchived(unit.id, isoNow(ctx), isoNow(ctx));
      return requireUnit(ctx, unit.id);
    })
    .immediate();
}

export function restoreUnit(ctx: ServerContext, input: ParsedInput<'units:restore'>): Unit {
  return ctx.db
    .transaction(() => {
      const unit = requireUnit(ctx, input.id);
      if (unit.archived) {
        assertNameFree(ctx, unit.name, unit.id);
        repo(ctx).setArchived(unit.id, null, isoNow(ctx));
      }
      return requireUnit(ctx, unit.id);
    })
    .immediate();
}

const templateFileSchema = z.object({
  units: z.array(
    z.object({
      name: z.string().min(1),
      shortName: z.string().min(1),
      group: z.string().min(1),
      ombudsmanSample: z.boolean().default(false),
    }),
  ),
});

const templateCache = new Map<string, UnitTemplate[]>();

/** The built-in list of typical units (resources/unit-templates.json). */
export function unitTemplates(ctx: ServerContext): UnitTemplate[] {
  const file = path.join(ctx.resourcesDir, 'unit-templates.json');
  const cached = templateCache.get(file);
  if (cached) return cached;
  const parsed = templateFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new AppError('INTERNAL', 'Daftar unit bawaan rusak. Pasang ulang aplikasi.');
  templateCache.set(file, parsed.data.units);
  return parsed.data.units;
}

/** Add many typical units at once; names that already exist are skipped, not duplicated. */
export function bulkCreateUnits(ctx: ServerContext, input: ParsedInput<'units:bulk-create'>): BulkCreateReport {
  const templates = new Map(unitTemplates(ctx).map((template) => [template.name, template]));
  const unknown = input.names.filter((name) => !templates.has(name));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `Unit bawaan tidak dikenal: ${unknown.join(', ')}.`);
  }
  return ctx.db
    .transaction(() => {
      const report: BulkCreateReport = { created: [], skipped: [] };
      for (const name of new Set(input.names)) {
        const template = templates.get(name)!;
        if (repo(ctx).findActiveByName(template.name)) {
          report.skipped.push(template.name);
          continue;
        }
        const groupId = repo(ctx).ensureGroup(template.group);
        const id = repo(ctx).insert(
          { name: template.name, shortName: template.shortName, groupId, headName: null },
          isoNow(ctx),
        );
        report.created.push(requireUnit(ctx, id));
      }
      return report;
    })
    .immediate();
}
