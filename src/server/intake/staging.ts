/**
 * Where a zipped kit's entries are extracted before the evidence store ingests them:
 * inside the data folder (same disk as the store, never the unit's synced folder).
 * Each apply works in a random subfolder and removes it; what a killed process left is
 * removed at the next start by the leftover sweep.
 */
export const INTAKE_STAGING_DIR = '.intake-staging';
