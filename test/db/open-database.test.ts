import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';

describe('opening the database', () => {
  it('names the path when the file is not a database', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'these are notes, not a database '.repeat(100));
    expect(() => openStores(file)).toThrow(`could not open the database at ${file} (DATABASE_PATH): file is not a database`);
  });

  it('names the path when its folder cannot be made (a file stands where the folder should be)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'var'), 'a file');
    const file = path.join(dir, 'var', 'gcm.sqlite');
    expect(() => openStores(file)).toThrow(
      new RegExp(`^could not open the database at ${file.replaceAll('/', '\\/')} \\(DATABASE_PATH\\): .*(ENOTDIR|EEXIST)`),
    );
  });

  it('names the path when the path is a folder', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    mkdirSync(file);
    expect(() => openStores(file)).toThrow(`could not open the database at ${file} (DATABASE_PATH)`);
  });
});
