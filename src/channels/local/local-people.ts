// GET /local/people: whom the local chat page can speak as: the plan's people, their role and the
// measures they own; and the partnership channel the page shows beside the chat.
import type { IsoDate } from '../../domain/iso-date.js';
import { longDate } from '../../domain/reminders/reminder-time.js';
import type { Db } from '../../store/open-database.js';
import { loadPartnership } from '../../store/partnership-store.js';
import type { Route } from '../../http/route.js';
import { localChannelId } from './local-channel.js';

/** The fixed date the bot works on (TODAY or the plan's demonstration date), shown on the page. */
export interface PageToday {
  date: IsoDate;
  demo: boolean;
}

export function localPeopleRoute(db: Db, today: PageToday | null): Route {
  return async (_req, res) => {
    const p = await loadPartnership(db);
    if (!p) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('No partnership loaded\n');
    const body = {
      partnership: { id: p.settings.id, name: p.settings.name },
      // Where the partnership's summaries are posted (the page's channel panel).
      channel: { id: localChannelId(p.settings.id), name: `#${p.settings.id}` },
      today: today && { date: today.date, words: longDate(today.date), demo: today.demo },
      people: p.people.map((person) => ({
        key: person.id,
        name: person.name,
        role: person.role,
        measures: p.measures.filter((m) => m.owner === person.id).map((m) => m.ref),
      })),
    };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
}
