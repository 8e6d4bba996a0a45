// Everything stored about one partnership, as plain JSON-ready data: its settings, people, themes and
// measures, every revision of every return, overrides, sign-off decisions, period states, delegations
// and the audit trail. JSON kept in text columns is parsed, so the export reads as one document.
import type { Db } from './open-database.js';
import { prismaOf } from './db.js';

const parsed = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

export async function exportPartnership(db: Db, slug: string) {
  const p = await prismaOf(db).partnership.findUnique({ where: { slug } });
  if (!p) return null;
  const where = { partnershipId: p.id };
  const byId = { orderBy: { id: 'asc' } } as const;
  const measures = await prismaOf(db).measure.findMany({ where, ...byId });
  const refOf = new Map(measures.map((m) => [m.id, m.ref]));
  const ofMeasures = { measureId: { in: measures.map((m) => m.id) } };
  const withRef = <T extends { measureId: number }>({ measureId, ...row }: T) => ({
    ref: refOf.get(measureId) ?? null,
    ...row,
  });
  const [people, themes, returns, overrides, reviews, periodStates, delegations, audit] = await Promise.all([
    prismaOf(db).person.findMany({ where, ...byId }),
    prismaOf(db).theme.findMany({ where, orderBy: { position: 'asc' } }),
    prismaOf(db).return.findMany({
      where: ofMeasures,
      orderBy: [{ measureId: 'asc' }, { periodEnd: 'asc' }, { revision: 'asc' }],
    }),
    prismaOf(db).override.findMany({ where: ofMeasures, ...byId }),
    prismaOf(db).returnReview.findMany({ where: ofMeasures, ...byId }),
    prismaOf(db).periodState.findMany({ where, orderBy: { period: 'asc' } }),
    prismaOf(db).delegation.findMany({ where, ...byId }),
    prismaOf(db).auditEvent.findMany({ where, ...byId }),
  ]);
  return {
    partnership: { slug: p.slug, name: p.name, createdAt: p.createdAt, settings: parsed(p.settings) },
    people: people.map(({ id: _id, partnershipId: _p, ...row }) => row),
    themes: themes.map(({ id: _id, partnershipId: _p, ...row }) => row),
    measures: measures.map((m) => ({ ref: m.ref, position: m.position, definition: parsed(m.definition) })),
    returns: returns.map(({ id: _id, requestKey: _k, ...row }) =>
      withRef({ ...row, figures: parsed(row.figures) }),
    ),
    overrides: overrides.map(({ id: _id, ...row }) => withRef(row)),
    reviews: reviews.map(({ id: _id, ...row }) => withRef(row)),
    periodStates: periodStates.map(({ partnershipId: _p, ...row }) => row),
    delegations: delegations.map(({ id: _id, partnershipId: _p, ...row }) => row),
    audit: audit.map(({ partnershipId: _p, ...row }) => ({
      ...row,
      before: parsed(row.before),
      after: parsed(row.after),
    })),
  };
}

export type PartnershipExport = NonNullable<Awaited<ReturnType<typeof exportPartnership>>>;
