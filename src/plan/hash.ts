import { createHash } from 'node:crypto';

/**
 * The hash a data file is known by: of its text, as imported (the meta table keeps it per file). Given the file's
 * bytes as read, the same hash when they are valid UTF-8 (`isUtf8`), without making the text again to hash it
 * (a plan of 100,000 activities is 76 MB).
 */
export function hashText(source: string | Uint8Array): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The reference files in `dataDir`, in the order their hashes make the reference's (load.ts, unchanged-plan.ts). */
export const referenceFiles = { gcm: 'gcm.yaml', agencies: 'agencies.yaml', matrix: 'matrix.yaml' } as const;

/** The hash the reference is known by: of its three files' hashes, gcm, agencies, matrix, in that order. */
export function referenceHash(gcm: string, agencies: string, matrix: string): string {
  return hashText(gcm + agencies + matrix);
}
