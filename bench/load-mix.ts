// The requests of the load: Teams activities as tests/fixtures/teams has them, from people of the
// synthetic partnerships (identified by their Entra object id, the plan's teamsId). A weighted mix of
// "status of <ref>" from anyone, return submissions (an Action.Execute card action from the measure's
// owner, for its latest period, on the current revision) and "summary" (this week's summary).
import { between, seededRandom, type Random } from './prng.js';
import type { Deployment, Submittable } from './generate-deployment.js';
import type { LoadRequest } from './load-generator.js';
import { BENCH_TENANT, type BenchPerson } from './synthetic-plan.js';

export interface Mix {
  status: number;
  submit: number;
  summary: number;
}

export interface MixCounts {
  /** Submissions stored as a new revision, and those answered with the form (a question, a conflict). */
  stored: number;
  formAgain: number;
}

function activity(
  serviceUrl: string,
  id: string,
  person: BenchPerson,
  extra: Record<string, unknown>,
): string {
  return JSON.stringify({
    type: 'message',
    id,
    timestamp: '2016-05-02T09:30:00.000Z',
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${person.teamsId}`, name: person.name, aadObjectId: person.teamsId },
    conversation: { conversationType: 'personal', tenantId: BENCH_TENANT, id: `a:${person.teamsId}` },
    recipient: { id: '28:00000000-0000-0000-0000-00000000b07b', name: 'perfbot' },
    channelData: { tenant: { id: BENCH_TENANT } },
    locale: 'en-GB',
    ...extra,
  });
}

const message = (text: string) => ({ text, textFormat: 'plain' });

function submission(s: Submittable, i: number) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `card-${i}`,
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'submitReturn',
        data: {
          ref: s.ref,
          period: s.period,
          // The revision the card was opened on, as the real card's token starts.
          token: `${s.revision}.bench${i}`,
          // The measure's typical figure: plausible against last period and last year.
          'figure.value': String(s.typical),
          narrative: 'Figures from the lead agency, checked by the analyst.',
          correctiveAction: 'Problem-solving group to review at its next meeting.',
        },
      },
      trigger: 'manual',
    },
  };
}

/**
 * The i-th request of a run. `run` keeps activity ids unique across runs (the bot answers a repeated id
 * once). Submissions go to the measures in turn and track the revision each stored.
 */
export function loadMix(d: Deployment, serviceUrl: string, mix: Mix, run: string, seed = 7) {
  const random: Random = seededRandom(seed);
  const total = mix.status + mix.submit + mix.summary;
  const order = [...d.submittable].sort(() => random() - 0.5);
  const counts: MixCounts = { stored: 0, formAgain: 0 };
  let submitted = 0;
  const pick = <T>(xs: T[]): T => xs[between(random, 0, xs.length - 1)] as T;
  const next = (i: number): LoadRequest => {
    const id = `${run}-${i}`;
    const roll = random() * total;
    if (roll < mix.submit && order.length > 0) {
      const s = order[submitted++ % order.length] as Submittable;
      const p = d.partnerships.find((x) => x.slug === s.slug);
      const owner = p?.people.find((x) => x.key === s.owner);
      if (!owner) throw new Error(`no owner ${s.owner} in ${s.slug}`);
      return {
        kind: 'submit',
        body: activity(serviceUrl, id, owner, submission(s, i)),
        onResponse: (status, text) => {
          if (status === 200 && text.includes('Stored as revision')) {
            s.revision++;
            counts.stored++;
          } else counts.formAgain++;
        },
      };
    }
    const p = pick(d.partnerships);
    const person = pick(p.people);
    if (roll < mix.submit + mix.summary)
      return { kind: 'summary', body: activity(serviceUrl, id, person, message('summary')) };
    return {
      kind: 'status',
      body: activity(serviceUrl, id, person, message(`status of ${pick(p.shapes).ref}`)),
    };
  };
  return { next, counts };
}
