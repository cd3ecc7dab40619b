/** Channels of the unit page (*Profil Unit*). */
import { z } from 'zod';
import { channel } from '../channel';
import type { UnitProfile } from '../types';
import { idSchema } from '../validation';

export const unitPageChannels = {
  'units:profile': channel<UnitProfile>()(z.object({ periodId: idSchema, unitId: idSchema })),
} as const;
