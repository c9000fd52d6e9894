import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFailureOf, type WriteFailure } from '../../src/db/database-file.js';
import { notSavedMessage } from '../../src/views/not-saved-view.js';
import { coChair, eventually, startBot } from '../helpers/slack.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

type Msg = { blocks: unknown[] };

/** A bot on a database file whose writes SQLite refuses as it does on a read-only file. */
async function readOnlyBot() {
  const file = path.join(tempDir(), 'gcm.sqlite');
  const stores = loadedStores(file);
  const lost: WriteFailure[] = [];
  const t = await startBot({ DATABASE_PATH: file }, '2024-04-24T10:00:00', { stores, onDatabaseLost: (f) => lost.push(f) });
  stores.db.pragma('query_only = ON'); // SQLite answers every write SQLITE_READONLY, as for a read-only file
  return { ...t, lost };
}

describe('a write the database refuses gets an answer: nothing was saved, and why', () => {
  it('read-only: /gcm done answers so in English, /gcm hecho in Spanish, and the log says it; the bot goes on', async () => {
    const t = await readOnlyBot();
    await t.command('done B1.5', coChair);
    await t.command('hecho B1.6', coChair);
    const [en, es] = await eventually(() => t.standin.callsOf('response_url').length === 2 && t.standin.callsOf('response_url'));
    expect(en!.params.text).toMatch(/Nothing was saved: the bot’s database is read-only/);
    expect(es!.params.text).toMatch(/No se guardó nada: la base de datos del bot es de solo lectura/);
    expect(JSON.stringify(t.standin.calls)).not.toContain('✓');
    expect(t.logs.filter((l) => /U0COCHAIR \(command:\/gcm (done|hecho) B1\.[56]\): nothing was saved: SQLite: .*\(SQLITE_READONLY\)/.test(l))).toHaveLength(2);
    expect(t.lost).toEqual([]);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
    // Reads still answer.
    const answer = (await t.command('activity B1.5')).json as Msg;
    expect(JSON.stringify(answer.blocks)).toContain('B1.5');
  });

  it('read-only: a click on Mark done answers so, privately, and the message is not redrawn', async () => {
    const t = await readOnlyBot();
    const answer = (await t.command('activity B1.3', coChair)).json as Msg;
    await t.click(answer, 'gcm_mark_done', coChair);
    const refused = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(refused.params.text).toMatch(/Nothing was saved: the bot’s database is read-only/);
    expect(refused.params.replace_original).toBe(false);
    expect(t.logs.some((l) => /U0COCHAIR \(button:.*\): nothing was saved: SQLite: .*\(SQLITE_READONLY\)/.test(l))).toBe(true);
  });
});

describe('a full disk', () => {
  it("SQLite's SQLITE_FULL is told as a full disk, in English and in Spanish, and the bot goes on", () => {
    const stores = loadedStores(path.join(tempDir(), 'full.sqlite'));
    stores.db.pragma(`max_page_count = ${stores.db.pragma('page_count', { simple: true })}`);
    const fill = stores.db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?)');
    let error: unknown;
    for (let i = 0; i < 10_000 && !error; i++) {
      try {
        fill.run(`filler-${i}`, 'x'.repeat(3000));
      } catch (e) {
        error = e;
      }
    }
    const failure = writeFailureOf(error);
    expect(failure).toMatchObject({ reason: 'full', fatal: false });
    expect(failure!.detail).toMatch(/\(SQLITE_FULL\)$/);
    expect(notSavedMessage('en', failure!.reason).text).toMatch(/Nothing was saved: the disk that holds the bot’s database is full/);
    expect(notSavedMessage('es', failure!.reason).text).toMatch(/No se guardó nada: el disco de la base de datos del bot está lleno/);
  });
});
