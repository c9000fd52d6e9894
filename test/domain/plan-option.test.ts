import { describe, expect, it } from 'vitest';
import { splitPlanOption } from '../../src/domain/command.js';
import { route } from '../../src/commands/table.js';

describe('plan:ID in command text', () => {
  it('is taken out wherever it is, case ignored, and the rest is read as before', () => {
    expect(splitPlanOption('objective 23 plan:lac-2023-2024')).toEqual({ rest: 'objective 23', plan: 'lac-2023-2024' });
    expect(splitPlanOption('plan:lac-2025-2026   activity  B1.2')).toEqual({ rest: 'activity B1.2', plan: 'lac-2025-2026' });
    expect(splitPlanOption('done B1.2 PLAN:x 2024-05')).toEqual({ rest: 'done B1.2 2024-05', plan: 'x' });
    expect(splitPlanOption('objective 23')).toEqual({ rest: 'objective 23' });
    // The last one given wins; an empty id is kept, to be answered as unknown.
    expect(splitPlanOption('plan:a objective plan:b')).toEqual({ rest: 'objective', plan: 'b' });
    expect(splitPlanOption('objective plan:')).toEqual({ rest: 'objective', plan: '' });
    // Only a word that starts with it: "airplan:x" is no option.
    expect(splitPlanOption('search airplan:x')).toEqual({ rest: 'search airplan:x' });
  });

  it('the router reads the command without it, so every command honours it; `plan` alone is the plan command', () => {
    expect(route('objetivo 23 plan:lac-2023-2024', 'en').parsed).toEqual({ name: 'objective', arg: '23', lang: 'es', plan: 'lac-2023-2024' });
    expect(route('plan:lac-2023-2024 B1.2', 'en').parsed).toEqual({ name: 'bare', arg: 'B1.2', lang: 'en', plan: 'lac-2023-2024' });
    expect(route('report 2024-10-01 2025-06-30 plan:x', 'en').parsed).toMatchObject({ name: 'report', arg: '2024-10-01 2025-06-30', plan: 'x' });
    expect(route('plan', 'es').parsed).toEqual({ name: 'plan', arg: '', lang: 'es' });
    expect(route('plan:x', 'en').parsed).toEqual({ name: 'help', arg: '', lang: 'en', plan: 'x' });
  });
});
