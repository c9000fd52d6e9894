import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, projectRoot } from '../../src/config.js';
import { syntheticPlanYaml } from '../../src/plan/synthetic-plan.js';
import { tempDir } from '../helpers/stores.js';

// A string the YAML parser gives (an id, a title) is a slice of the file's whole text, and holds all of it: one
// such id kept by a module after the import (a cache key, say) kept the text of a 100,000-activity plan, 152 MB,
// for as long as the process lived. A fresh Node process imports a plan, then writes a heap snapshot (taken after
// a full collection): no string in it may be as long as the plan's text. A control text read the same way, of
// which the probe keeps an eight-character slice, shows that a held text is seen.

/** A module of src/ as an import specifier. */
const src = (module: string) => JSON.stringify(pathToFileURL(path.join(projectRoot, 'src', `${module}.ts`)).href);

/** The strings of a heap snapshot at least `minLength` bytes long: their first characters. */
function longStrings(snapshotFile: string, minLength: number): string[] {
  const s = JSON.parse(readFileSync(snapshotFile, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = s.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = s.snapshot.meta.node_types[0];
  const found: string[] = [];
  for (let i = 0; i < s.nodes.length; i += width) {
    if (types[s.nodes[i + typeAt]!] !== 'string' || s.nodes[i + sizeAt]! < minLength) continue;
    found.push(s.strings[s.nodes[i + nameAt]!]!.slice(0, 40));
  }
  return found;
}

describe('an import holds nothing of the plan file once it returns', () => {
  it('no string as long as the plan text is left in the heap after an in-process import', () => {
    const dir = tempDir();
    const planFile = path.join(dir, 'plan.yaml');
    const text = syntheticPlanYaml(1_500, 'heap-probe-of-the-import');
    writeFileSync(planFile, text);
    const controlFile = path.join(dir, 'control.txt');
    writeFileSync(controlFile, `control text ${'x'.repeat(text.length)}`);
    const snapshot = path.join(dir, 'after-import.heapsnapshot');
    const probe = path.join(dir, 'probe.mts');
    writeFileSync(
      probe,
      `import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { openStores } from ${src('stores')};
import { importPlanFile } from ${src('plan/import-plan')};
const stores = openStores(':memory:');
// The outcome is the caller's to keep or drop: dropped here (its report names the plan by its id).
const imported = (() => {
  const outcome = importPlanFile(stores, ${JSON.stringify(planFile)}, ${JSON.stringify(defaultDataDir)}, '2024-01-01T00:00:00Z');
  return outcome.ok ? outcome.report.activities : JSON.stringify(outcome.problems).slice(0, 500);
})();
if (imported !== 1500) throw new Error('the plan was not imported: ' + imported);
const control = readFileSync(${JSON.stringify(controlFile)}, 'utf8').slice(0, 20);
writeHeapSnapshot(${JSON.stringify(snapshot)});
console.log(control, stores.plans.activityCount('heap-probe-of-the-import'));
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', probe], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`control text ${'x'.repeat(7)} 1500`);
    const long = longStrings(snapshot, text.length);
    expect(long.filter((s) => s.startsWith('control text')).length, 'the control text, held through its slice, is seen').toBe(1);
    expect(long.filter((s) => !s.startsWith('control text'))).toEqual([]);
  }, 60_000);
});
