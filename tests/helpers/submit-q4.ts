// Stores a revision of Dan Mercer's 2.2 return for 2015/16 Q4 straight through the store, as a card
// would, over the example plan (where revision 1 is the imported one).
import { financialCalendar } from '../../src/domain/period.js';
import type { Db } from '../../src/store/open-database.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { submitRevision, type SubmitOutcome } from '../../src/store/submit-revision.js';

export interface Q4Revision {
  figure: number;
  narrative: string;
  source: string;
  requestKey: string | null;
  submittedAt: Date;
  /** Called inside the transaction, after the revision is written (fault tests stop there). */
  afterStore?: () => Promise<void>;
}

export async function submitQ4(db: Db, r: Q4Revision): Promise<SubmitOutcome> {
  const p = await loadPartnership(db, 'stockton');
  if (!p) throw new Error('no plan');
  const cal = financialCalendar(p.settings.yearStartMonth);
  const q4 = cal.parse('2015/16 Q4');
  if (!q4.ok) throw new Error(q4.error);
  return submitRevision(
    db,
    cal,
    {
      measureId: p.measureIds.get('2.2') as number,
      period: q4.value,
      figures: { value: r.figure },
      narrative: r.narrative,
      correctiveAction: 'Patrols.',
      notAvailable: null,
      expectedDate: null,
      submittedBy: 'dan-mercer',
      submittedAt: r.submittedAt,
      source: r.source,
      requestKey: r.requestKey,
      onlyIfChanged: false,
    },
    1,
    { today: '2016-05-02', ...(r.afterStore ? { afterStore: r.afterStore } : {}) },
  );
}
