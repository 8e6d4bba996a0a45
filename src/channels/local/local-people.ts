// GET /local/people: whom the local chat page can speak as: the plan's people, their role and the
// measures they own; and the partnership channel the page shows beside the chat.
import type { Db } from '../../store/open-database.js';
import { loadPartnership } from '../../store/plan-store.js';
import type { Route } from '../../server/http-server.js';
import { localChannelId } from './local-channel.js';

export function localPeopleRoute(db: Db): Route {
  return async (_req, res) => {
    const p = await loadPartnership(db);
    if (!p) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('No partnership loaded\n');
    const body = {
      partnership: { id: p.settings.id, name: p.settings.name },
      // Where the partnership's summaries are posted (the page's channel panel).
      channel: { id: localChannelId(p.settings.id), name: `#${p.settings.id}` },
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
