// Taking what the board saw: once a quarter closes (its board date passed, or the coordinator closed
// it), each measure's status for it is kept as it stands. The scheduler's tick and "close 2015/16 Q4"
// call this; a quarter already kept is left alone, so a later revision shows against the first view.
import { boardPeriodOf, boardViewOf } from '../domain/board-snapshot.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import { checkPeriodFor } from '../domain/status.js';
import { saveQuarterSnapshot, snapshotQuarters, type BoardRow } from '../store/board-store.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { closedQuarters } from './closed-years.js';
import { readPartnershipView } from './partnership-view.js';

/** The closed quarters that have ended by today with no snapshot yet. */
async function quartersToKeep(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
): Promise<Period[]> {
  const [closed, done] = await Promise.all([closedQuarters(db, cal, p, today), snapshotQuarters(db, p.id)]);
  return closed.filter((q) => cal.end(q) <= today && !done.has(cal.format(q)));
}

/** Keeps what the board saw for every closed quarter not kept yet; returns the quarters kept now. */
export async function takeBoardSnapshots(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
  now: Date,
): Promise<string[]> {
  const quarters = await quartersToKeep(db, cal, p, today);
  if (quarters.length === 0) return [];
  const view = await readPartnershipView(db, cal, p, today);
  const kept: string[] = [];
  for (const q of quarters) {
    const rows: BoardRow[] = p.measures.flatMap((m) => {
      const period = boardPeriodOf(cal, m, q);
      if (!period || !checkPeriodFor(cal, m, period).ok) return [];
      const status = view.statusAt(m, period);
      return [
        {
          ref: m.ref,
          period: cal.format(period),
          quarter: cal.format(q),
          view: boardViewOf(status, now.toISOString()),
        },
      ];
    });
    if (await saveQuarterSnapshot(db, p.id, cal.format(q), rows, now)) kept.push(cal.format(q));
  }
  return kept;
}
