// The delivery loop's one pass: recover claims a stopped process left behind, look up unknown outcomes
// where the platform allows, then for each person (or partnership channel) with messages due: find a
// way to reach them, claim their messages, drop what is no longer wanted, and send the rest as few
// messages as possible, within the platforms' rate limits; a message refused for good on one address
// goes to the person's next one.
import type { Person } from '../domain/plan-schema.js';
import { localTime } from '../domain/reminders/reminder-time.js';
import { PARTNERSHIP_CHANNEL } from '../domain/summary-payload.js';
import {
  claimRecipient,
  dueRecipients,
  holdPending,
  recordCancelled,
  recordChannel,
  recordFailed,
  releaseClaim,
  type Recipient,
} from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';
import { listPartnerships, loadPartnership } from '../store/partnership-store.js';
import { emptyReport, type DeliveryDeps, type DeliveryReport } from './delivery-deps.js';
import { tellCoordinators } from './failure-notice.js';
import { outboxReply } from './outbox-reply.js';
import { prepareDelivery, type Unit } from './prepare-delivery.js';
import { recordResult } from './record-result.js';
import { reconcileUnknown, recoverStale } from './reconcile-unknown.js';
import { readReminderState } from '../store/reminder-state.js';
import {
  channelRouteFor,
  channelUnreachableWhy,
  nextRoute,
  routeFor,
  unreachableWhy,
  type Route,
} from './senders/route-recipient.js';
import type { SendResult } from './senders/sender.js';

export async function loadPartnershipsById(deps: DeliveryDeps): Promise<Map<number, Partnership>> {
  const all = new Map<number, Partnership>();
  for (const { slug } of await listPartnerships(deps.db)) {
    const p = await loadPartnership(deps.db, slug);
    if (p) all.set(p.id, p);
  }
  return all;
}

const later = (deps: DeliveryDeps, ms: number) => new Date(deps.clock().getTime() + ms);

/** Sends one unit within the rate limit; null when the limit says not yet (the claim is given back). */
async function sendUnit(
  deps: DeliveryDeps,
  p: Partnership,
  route: Route,
  unit: Unit,
): Promise<SendResult | null> {
  const rows = unit.ids;
  const wait = deps.limiter.delayFor(route.conversation, route.channel);
  if (wait > deps.maxWaitMs) {
    await releaseClaim(deps.db, rows, later(deps, wait), deps.clock());
    return null;
  }
  if (wait > 0) await deps.sleep(wait);
  // Recorded before sending: after a crash, a row with a channel may have gone out, one without has not.
  await recordChannel(deps.db, rows, route.channel, deps.clock());
  const today = deps.today ?? localTime(deps.clock(), p.settings.timezone).date;
  let result: SendResult;
  try {
    result = await route.sender.send(route.address, outboxReply(unit.payloads, today), { outboxIds: rows });
  } catch (e) {
    deps.log.error({ err: e, outbox: rows }, 'send threw');
    result = { kind: 'unknown', error: e instanceof Error ? e.message : String(e) };
  }
  deps.limiter.sent(route.conversation, route.channel, route.sender.perConversationMs);
  return result;
}

/**
 * Sends a unit to the person's best address and, while it is refused for good there (the chat deleted,
 * the bot removed, the Slack account closed), to their next one. A failure on every address carries the
 * errors of each, for the coordinators. Null when the rate limit gave the claim back.
 */
async function sendOnSomeAddress(
  deps: DeliveryDeps,
  p: Partnership,
  person: Person | undefined,
  first: Route,
  unit: Unit,
): Promise<{ route: Route; result: SendResult } | null> {
  const tried: string[] = [];
  const errors: string[] = [];
  for (let route = first; ;) {
    const result = await sendUnit(deps, p, route, unit);
    if (!result) return null;
    tried.push(route.conversation);
    if (result.kind !== 'failed' || !person) return { route, result };
    errors.push(`${route.channel}: ${result.error}`);
    const next = await nextRoute(deps.db, deps.senders, p.id, person, tried);
    if (!next)
      return { route, result: errors.length > 1 ? { kind: 'failed', error: errors.join('; ') } : result };
    deps.log.warn(
      { outbox: unit.ids, from: route.channel, to: next.channel, error: result.error },
      'not deliverable on this address: trying the next',
    );
    route = next;
  }
}

async function unreachable(deps: DeliveryDeps, p: Partnership, who: Recipient, report: DeliveryReport) {
  const person = p.people.find((x) => x.id === who.recipient);
  const why =
    who.recipient === PARTNERSHIP_CHANNEL
      ? channelUnreachableWhy(deps.senders)
      : person
        ? unreachableWhy(deps.senders, person)
        : 'is not in the plan any more';
  const held = await holdPending(deps.db, who, 'no_route', later(deps, deps.recheckMs), deps.clock());
  report.waiting += held.length;
  if (held.length > 0)
    await tellCoordinators(deps.db, p, who.recipient, held, { kind: 'unreachable', why }, deps.clock());
}

async function deliverTo(
  deps: DeliveryDeps,
  all: Map<number, Partnership>,
  who: Recipient,
  report: DeliveryReport,
) {
  const p = all.get(who.partnershipId);
  const person = p?.people.find((x) => x.id === who.recipient);
  const route = !p
    ? null
    : who.recipient === PARTNERSHIP_CHANNEL
      ? await channelRouteFor(deps.db, deps.senders, p)
      : person
        ? await routeFor(deps.db, deps.senders, p.id, person)
        : null;
  if (!p || !route) {
    if (p) return unreachable(deps, p, who, report);
    const rows = await claimRecipient(deps.db, who, deps.clock(), deps.newToken());
    return recordFailed(
      deps.db,
      rows.map((r) => r.id),
      'the partnership is no longer loaded',
      deps.clock(),
    );
  }
  const rows = await claimRecipient(deps.db, who, deps.clock(), deps.newToken());
  if (rows.length === 0) return;
  const state = await readReminderState(deps.db, p, deps.clock(), deps.today);
  const prepared = prepareDelivery(
    rows,
    state,
    state.today ?? localTime(deps.clock(), p.settings.timezone).date,
  );
  for (const c of prepared.cancelled) await recordCancelled(deps.db, [c.id], c.reason, deps.clock());
  report.cancelled += prepared.cancelled.length;
  for (const unit of prepared.units) {
    const sent = await sendOnSomeAddress(deps, p, person, route, unit);
    if (!sent) continue;
    const unitRows = rows.filter((r) => unit.ids.includes(r.id));
    await recordResult(deps, { p, route: sent.route, kind: unit.kind, rows: unitRows, report }, sent.result);
  }
}

const busy = (r: DeliveryReport) => Object.values(r).some((n) => n > 0);

export async function deliverOutbox(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report = emptyReport();
  await recoverStale(deps, report);
  // Partnerships are read only when there is something to do (the loop polls every few seconds).
  let all: Map<number, Partnership> | null = null;
  const partnerships = async () => (all ??= await loadPartnershipsById(deps));
  await reconcileUnknown(deps, partnerships, report);
  for (const who of await dueRecipients(deps.db, deps.clock()))
    await deliverTo(deps, await partnerships(), who, report);
  if (busy(report)) deps.log.info({ ...report }, 'outbox delivery');
  return report;
}
