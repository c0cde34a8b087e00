/**
 * Reads pairings.csv, the real pairings of the 2017 calls and the 2018 EU–US call, as it was
 * published: city labels as the programme wrote them ("Graz + Styria region", "Turin").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PairingCsvRow {
  call: string;
  euCity: string;
  euCountry: string;
  partnerCities: string;
  partnerCountry: string;
  partnerRegion: string;
  notes: string | null;
}

const COLUMNS = [
  'call',
  'eu_city',
  'eu_country',
  'partner_cities',
  'partner_country',
  'partner_region',
  'notes',
];

/** The copy beside this module (the build copies it into dist). */
export const PAIRINGS_CSV = path.join(import.meta.dirname, 'pairings.csv');

/** RFC 4180 records: comma-separated, fields optionally double-quoted, "" inside quotes is a quote. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field.');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  // Blank lines carry no record.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function parsePairingsCsv(text: string): PairingCsvRow[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.join(',') !== COLUMNS.join(',')) {
    throw new Error(
      `pairings.csv must have the columns ${COLUMNS.join(',')}; got ${header?.join(',')}.`,
    );
  }
  return rows.map((r, index) => {
    if (r.length !== COLUMNS.length)
      throw new Error(
        `pairings.csv line ${index + 2} has ${r.length} fields, expected ${COLUMNS.length}.`,
      );
    const [call, euCity, euCountry, partnerCities, partnerCountry, partnerRegion, notes] = r.map(
      (f) => f.trim(),
    );
    return {
      call,
      euCity,
      euCountry,
      partnerCities,
      partnerCountry,
      partnerRegion,
      notes: notes || null,
    };
  });
}

export function readPairingsCsv(file = PAIRINGS_CSV): PairingCsvRow[] {
  return parsePairingsCsv(readFileSync(file, 'utf8'));
}
