// Reads a YAML plan file into a validated plan, or the list of what is wrong with it.
import { LineCounter, parseDocument } from 'yaml';
import { financialCalendar, type FinancialCalendar } from '../domain/period.js';
import { PlanSchema, type Plan } from '../domain/plan-schema.js';
import { validatePlan, type CheckedPlan } from '../domain/validate-plan.js';
import { formatIssue, lineOf } from './plan-errors.js';

export type PlanRead =
  { ok: true; plan: Plan; checked: CheckedPlan; cal: FinancialCalendar } | { ok: false; errors: string[] };

export function readPlanYaml(file: string, text: string): PlanRead {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map(
        // linePos is only filled in with prettyErrors, so the line comes from the counter.
        (e) => `${file}:${counter.linePos(e.pos[0]).line}: not valid YAML: ${e.message.split('\n')[0]}`,
      ),
    };
  }
  const parsed = PlanSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => formatIssue(file, lineOf(doc, counter, i.path), i)),
    };
  }
  return checkPlan(parsed.data, (issue) => formatIssue(file, lineOf(doc, counter, issue.path), issue));
}

/** Cross-checks a schema-valid plan; `describe` turns an issue into a located message. */
export function checkPlan(
  plan: Plan,
  describe: (i: { path: PropertyKey[]; message: string }) => string,
): PlanRead {
  const cal = financialCalendar(plan.partnership.yearStartMonth);
  const checked = validatePlan(plan, cal);
  if (checked.issues.length > 0) return { ok: false, errors: checked.issues.map(describe) };
  return { ok: true, plan, checked, cal };
}
