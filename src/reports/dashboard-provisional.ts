// Figures the board reads before they are signed off: which quarters of a measure hold a return still
// awaiting approval, sent back or reopened, and how the board's documents mark them.
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { Partnership } from '../domain/partnership.js';
import { isUnapproved, signOffWord } from '../domain/sign-off.js';
import type { Db } from '../store/open-database.js';
import { signOffs } from '../store/review-store.js';
import type { DashboardRow } from './dashboard-row.js';

/** The mark beside a provisional figure, and the key line that explains it. */
export const PROVISIONAL_MARK = '†';
export const PROVISIONAL_NOTE =
  '† Provisional: the figure is not yet signed off (awaiting approval, sent back to its owner or reopened) and may change.';

/** "† provisional: awaiting approval". */
export const provisionalText = (state: string): string => `${PROVISIONAL_MARK} provisional: ${state}`;

/** Whether any figure on the dashboard is provisional: its documents then carry the key line. */
export const hasProvisional = (d: { themes: { rows: DashboardRow[] }[] }): boolean =>
  d.themes.some((t) => t.rows.some((r) => r.cells.some((c) => c.provisional !== null)));

/** The sign-off state of the row's figure at the dashboard's period when it is provisional, else null. */
export const rowProvisional = (r: DashboardRow): string | null =>
  r.cells.filter((c) => c.reported).pop()?.provisional ?? null;

/** A measure's period → the sign-off state of a return within it that is not yet approved, or null. */
export type ProvisionalOf = (ref: string, period: Period) => string | null;

export async function readProvisional(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
): Promise<ProvisionalOf> {
  const refOf = new Map([...p.measureIds].map(([ref, id]) => [id, ref]));
  const pending = new Map<string, { period: Period; state: string }[]>();
  for (const [key, s] of await signOffs(db, [...refOf.keys()])) {
    const [id, period] = key.split('|');
    const ref = refOf.get(Number(id));
    const parsed = cal.parse(period ?? '');
    const state = signOffWord(s);
    if (!ref || !parsed.ok || !isUnapproved(s) || !state) continue;
    pending.set(ref, [...(pending.get(ref) ?? []), { period: parsed.value, state }]);
  }
  return (ref, period) =>
    pending
      .get(ref)
      ?.find((u) => cal.start(u.period) >= cal.start(period) && cal.end(u.period) <= cal.end(period))
      ?.state ?? null;
}
