/**
 * Minimum sample of an SKM (Krejcie & Morgan, as tabulated in PermenPANRB 14/2017):
 * s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), rounded to the nearest whole respondent.
 * The parameters come from the scheme data; the regulation's table is the test.
 */
export interface SampleParameters {
  chiSquare: number;
  proportion: number;
  margin: number;
}

export function minimumSample(population: number, parameters: SampleParameters): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const { chiSquare, proportion, margin } = parameters;
  const pq = proportion * (1 - proportion);
  const exact = (chiSquare * population * pq) / (margin * margin * (population - 1) + chiSquare * pq);
  // Never more respondents than there are users; 1e-9 absorbs float noise at .5.
  return Math.min(population, Math.floor(exact + 0.5 + 1e-9));
}
