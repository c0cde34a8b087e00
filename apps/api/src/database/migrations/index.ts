/** Migrations in order. Add new ones at the end; never edit one that has shipped. */
import { Initial1795600000000 } from './1795600000000-initial.js';

export const MIGRATIONS: Function[] = [Initial1795600000000];
