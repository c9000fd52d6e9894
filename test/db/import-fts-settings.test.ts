import { describe, expect, it } from 'vitest';
import { loadedStores } from '../helpers/stores.js';

// The import fills the search index with a larger FTS5 hash size (fewer segments to merge); the setting lasts
// only that transaction: the index keeps FTS5's default of 1 MB for every other write.
describe('the search index after an import', () => {
  it("keeps FTS5's default hash size", () => {
    const stores = loadedStores();
    const hashSize = stores.db.prepare("SELECT v FROM search_index_config WHERE k = 'hashsize'").pluck().get() as number | undefined;
    expect(hashSize ?? 1024 * 1024).toBe(1024 * 1024);
  });
});
