import { Document, isCollection, isNode } from 'yaml';
import type { PlanFile } from '../schema.js';
import type { Remark } from './read-tables.js';

/**
 * The YAML a table plan would load, for a person to review: every reading made with a guess (an inferred
 * kind, a year taken from the plan's period) carries a `# CHECK` comment, and what was kept as wording a
 * `# NOTE`.
 */
export function draftYaml(plan: PlanFile, remarks: Remark[], source: string): string {
  const doc = new Document(plan, { aliasDuplicateObjects: false });
  for (const r of remarks) {
    const node = doc.getIn(r.path, true);
    const comment = ` ${r.guess ? 'CHECK' : 'NOTE'}: ${r.message} (${r.where})`;
    if (isCollection(node)) node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${comment}` : comment;
    else if (isNode(node)) node.comment = node.comment ? `${node.comment}\n${comment}` : comment;
  }
  const checks = remarks.filter((r) => r.guess).length;
  doc.commentBefore = ` Draft of plan ${plan.id}, read from ${source}.\n ${checks} ${checks === 1 ? 'reading was' : 'readings were'} made with a guess: search for "# CHECK".`;
  return doc.toString({ lineWidth: 0 });
}
