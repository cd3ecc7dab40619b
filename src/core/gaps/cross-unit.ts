/**
 * Cross-unit gap views for the Bagian Organisasi: which units are furthest from a target
 * category, and which requirements are missing in the most units (the ones worth a
 * joint workshop or a template).
 */
import { roundHalfUp } from '../scoring/rounding';
import type { OmbudsmanRequirementInput, ScaleBand, ScaleInfo } from '../scoring/types';
import type { CrossUnitEntry, CrossUnitGaps, MissingRequirement, UnitDistance } from './types';

function valueOf(entry: CrossUnitEntry): number | null {
  return entry.report.kind === 'pekppp' ? entry.report.index : entry.report.total;
}

function targetBand(scale: ScaleInfo, code: string): ScaleBand {
  const band = scale.bands.find((item) => item.code === code);
  if (!band) throw new Error(`Kategori target "${code}" tidak ada pada instrumen ini.`);
  return band;
}

function distanceOf(entry: CrossUnitEntry, target: ScaleBand, decimals: number): UnitDistance {
  const value = valueOf(entry);
  const distance = value === null ? null : Math.max(0, roundHalfUp(target.min - value, decimals));
  return {
    unitId: entry.unitId,
    unitName: entry.unitName,
    value,
    band: entry.report.band,
    distance,
    reached: value !== null && value >= target.min,
    ...(entry.report.kind === 'pekppp' ? { state: entry.report.state } : {}),
  };
}

function requirementsOf(entry: CrossUnitEntry): readonly OmbudsmanRequirementInput[] {
  if (entry.report.kind === 'ombudsman') {
    return entry.report.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements));
  }
  return entry.requirements ?? [];
}

function missingRequirements(entries: readonly CrossUnitEntry[]): MissingRequirement[] {
  const byCode = new Map<string, MissingRequirement>();
  for (const entry of entries) {
    for (const requirement of requirementsOf(entry)) {
      if (requirement.status === 'terverifikasi' || requirement.status === 'tidak_berlaku') continue;
      const item = byCode.get(requirement.code) ?? {
        code: requirement.code,
        text: requirement.text,
        indicatorCode: requirement.indicatorCode,
        count: 0,
        unitIds: [],
        unitNames: [],
        statusCounts: {},
      };
      // A unit counts once per requirement even if its list repeats the code.
      if (!item.unitIds.includes(entry.unitId)) {
        item.count += 1;
        item.unitIds.push(entry.unitId);
        item.unitNames.push(entry.unitName);
        item.statusCounts[requirement.status] = (item.statusCounts[requirement.status] ?? 0) + 1;
      }
      byCode.set(requirement.code, item);
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Distance of every unit to `targetBandCode` (all reports must share one instrument scale). */
export function crossUnitGaps(entries: readonly CrossUnitEntry[], targetBandCode: string): CrossUnitGaps {
  const scale = entries[0]?.report.scale;
  if (!scale) return { target: null, units: [], notStarted: [], missingRequirements: [] };
  const target = targetBand(scale, targetBandCode);
  const distances = entries.map((entry) => distanceOf(entry, target, scale.decimals));
  // A unit that has not started is not "furthest away": it has its own group.
  const notStarted = distances.filter((unit) => unit.state === 'belum_dinilai').sort((a, b) => a.unitName.localeCompare(b.unitName, 'id'));
  const units = distances
    .filter((unit) => unit.state !== 'belum_dinilai')
    .sort((a, b) => {
      if (a.distance === null || b.distance === null) return a.distance === null ? (b.distance === null ? 0 : 1) : -1;
      return b.distance - a.distance || a.unitName.localeCompare(b.unitName, 'id');
    });
  return { target, units, notStarted, missingRequirements: missingRequirements(entries) };
}

