/** Channels of the unit presets (usual Ombudsman sample, fixed PEKPPP lokus) for a year. */
import { z } from 'zod';
import { channel } from '../channel';
import type { PeriodDetail } from '../types';
import { idSchema } from '../validation';

export interface UnitPreset {
  code: string;
  label: string;
  /** "sample": put in scope and mark as Ombudsman sample; "scope": put in scope. */
  purpose: 'sample' | 'scope';
  note: string;
  /** Fits this local government's kind and the year. */
  applies: boolean;
  matched: Array<{ unitId: number; unitName: string; inScope: boolean; sample: boolean }>;
  /** Template names with no active unit of that name yet. */
  missing: string[];
}

export interface PresetApplied {
  period: PeriodDetail;
  added: number;
  sampled: number;
  missing: string[];
}

export const presetChannels = {
  'presets:list': channel<UnitPreset[]>()(z.object({ periodId: idSchema })),
  'presets:apply': channel<PresetApplied>()(z.object({ periodId: idSchema, code: z.string().min(1).max(60) })),
} as const;
