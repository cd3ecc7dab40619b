import type { BenchContext } from '../main';
import type { Measurement } from '../measure';

export async function browserOperations(_bench: BenchContext): Promise<Measurement[]> {
  return [];
}
