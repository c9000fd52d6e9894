import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/config.js';

/** The bundled plan's activities, counted in data/ (the plan file), not typed in. */
function activitiesInPlan(): number {
  const plan = parse(readFileSync(path.join(projectRoot, 'data/plan-2023-2024.yaml'), 'utf8')) as { priorities: { activities: unknown[] }[] };
  return plan.priorities.reduce((n, p) => n + p.activities.length, 0);
}

/** README.md and every Markdown file under docs/. */
function docs(): [string, string][] {
  const under = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? under(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
    );
  return [path.join(projectRoot, 'README.md'), ...under(path.join(projectRoot, 'docs'))].map((f) => [path.relative(projectRoot, f), readFileSync(f, 'utf8')]);
}

describe('the number of activities the docs give for the bundled plan', () => {
  it('is the number in data/: every "the plan has N activities", "N activities with text", "the real plan\'s import (N activities)"', () => {
    const count = activitiesInPlan();
    const said: string[] = [];
    for (const [file, text] of docs()) {
      for (const m of text.matchAll(/(?:the plan has |real plan's import \(|, )(\d+) activities/g)) said.push(`${file}: ${m[1]}`);
    }
    expect(said.length).toBeGreaterThan(0);
    expect(said.filter((s) => !s.endsWith(`: ${count}`))).toEqual([]);
  });
});
