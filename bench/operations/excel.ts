import type { BenchContext } from '../main';
import type { Measurement } from '../measure';

export async function excelOperations(_bench: BenchContext): Promise<Measurement[]> {
  return [];
}
