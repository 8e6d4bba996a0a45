// A partnership as the program holds it: its settings, people, themes and measures, and the stored id of
// each measure (by ref), loaded by the store and passed to every rule and surface.
import type { Measure } from './measure.js';
import type { PartnershipSettings, Person, Theme } from './plan-schema.js';

export interface Partnership {
  id: number;
  settings: PartnershipSettings;
  people: Person[];
  themes: Theme[];
  measures: Measure[];
  measureIds: Map<string, number>;
}
