/**
 * Evidence file store: copies users' documents into the data dir, content-addressed and
 * crash-safe. It never touches the database; services record `blobs`/`evidence` rows after
 * a successful ingest, in one transaction.
 */
export { ingestBuffer, ingestFile, ingestFiles, type BatchOptions, type BatchSource, type IngestOptions, type IngestedFile } from './ingest';
export { DEFAULT_LIMITS, describeAllowed, formatBytes, mimeForExtension, type EvidenceLimits } from './limits';
export {
  ORPHAN_GRACE_MS,
  moveOrphansAside,
  orphanFolderName,
  sweepTempFiles,
  verifyBlobs,
  type BlobRecord,
  type MissingReason,
  type MovedOrphan,
  type VerifyProgress,
  type VerifyReport,
} from './maintenance';
export { EVIDENCE_DIR, ORPHANS_DIR, TEMP_DIR, absoluteBlobPath, blobStoredPath } from './layout';
export { MAX_NAME_CHARS, extensionOf, safeJoin, sanitizeOriginalName } from './names';
