// GET /local/people: whom the local chat page can speak as: the plan's people, their role and the
// measures they own.
import type { Db } from '../../store/open-database.js';
import { loadPartnership } from '../../store/plan-store.js';
import type { Route } from '../../server/http-server.js';

export function localPeopleRoute(db: Db): Route {
  return async (_req, res) => {
    const p = await loadPartnership(db);
    if (!p) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('No partnership loaded\n');
    const body = {
      partnership: { id: p.settings.id, name: p.settings.name },
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
