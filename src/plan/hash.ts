import { createHash } from 'node:crypto';

/** The hash a data file is known by: of its text, as imported (the meta table keeps it per file). */
export function hashText(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}
