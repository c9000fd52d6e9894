import { statSync } from 'node:fs';

/** Which file a path names now: device and inode, or null when there is none (deleted, never created). */
export function fileIdentity(file: string): string | null {
  if (file === ':memory:') return null;
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
