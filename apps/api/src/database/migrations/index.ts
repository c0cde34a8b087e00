/** Migrations in order. Add new ones at the end; never edit one that has shipped. */
import { Initial1795600000000 } from './1795600000000-initial.js';
import { PlansCollab1795700000000 } from './1795700000000-plans-collab.js';

export const MIGRATIONS: Function[] = [Initial1795600000000, PlansCollab1795700000000];
