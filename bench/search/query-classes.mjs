// The latency benchmark's query classes, 50+ queries each: rare words (the labelled set's single
// words: a few documents each), common words and two-word phrases (the most frequent of the
// background sentences, so thousands of documents each), accent-less European queries, and
// two-character Chinese/Japanese words (frequent ones and planted rare ones).
import { LABELLED } from './labelled.mjs';
import { CJK_LANGUAGES, SENTENCES } from './sentences.mjs';

const EUROPEAN = Object.keys(SENTENCES).filter((l) => !CJK_LANGUAGES.has(l));
const stripAccents = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const wordsOf = (sentence) => sentence.toLowerCase().match(/\p{L}+/gu) ?? [];

/** The `n` items of `counts` seen most, at least twice (ties in first-seen order). */
function top(counts, n) {
  return [...counts.entries()]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);
}

function count(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

const commonWords = (lang) =>
  top(
    count(
      SENTENCES[lang].flatMap((s) => [
        ...new Set(wordsOf(s).filter((w) => w.length >= 5 && !STOP.has(w))),
      ]),
    ),
    9,
  );

/** Two words a person would type together, both frequent in the background sentences. */
const PHRASES = {
  en: [
    'social housing',
    'air quality',
    'solar panels',
    'partner city',
    'public spaces',
    'green roofs',
    'open data',
    'energy poverty',
    'waste collection',
  ],
  es: [
    'vivienda social',
    'calidad del aire',
    'paneles solares',
    'ciudad socia',
    'espacios públicos',
    'datos abiertos',
    'pobreza energética',
    'plan de acción',
    'huertos vecinales',
  ],
  pt: [
    'qualidade do ar',
    'painéis solares',
    'cidade parceira',
    'espaços públicos',
    'dados abertos',
    'pobreza energética',
    'plano de ação',
    'hortas comunitárias',
    'centro histórico',
  ],
  fr: [
    'logements sociaux',
    "qualité de l'air",
    'panneaux solaires',
    'ville partenaire',
    'espaces publics',
    'données ouvertes',
    'précarité énergétique',
    "plan d'action",
    'jardins partagés',
  ],
  it: [
    'case popolari',
    "qualità dell'aria",
    'pannelli solari',
    'città partner',
    'spazi pubblici',
    'dati aperti',
    'povertà energetica',
    'orti condivisi',
    'centro storico',
  ],
  de: [
    'öffentliche Räume',
    'offene Daten',
    'begrünte Dächer',
    'neue Busspuren',
    'lokaler Aktionsplan',
    'intelligente Zähler',
    'Partnerstadt Erfahrungen',
    'Sanierung Sozialwohnungen',
    'Gemeinschaftsgärten Osten',
  ],
};

/** Function words the stemmers drop: a query of one of them finds nothing by design. */
const STOP = new Set([
  'during',
  'every',
  'sobre',
  'durante',
  'delle',
  'hanno',
  'einen',
  'haben',
  'jeden',
  'chaque',
  'nuove',
  'neuen',
  'after',
  'their',
  'para',
  'todos',
  'todas',
  'dans',
  'pour',
  'sono',
  'degli',
  'della',
  'nach',
  'einer',
  'werden',
  'wurden',
]);

/** Words with accents or umlauts, as typed without them (sharp s kept out: no one-key form). */
const accentedWords = (lang) =>
  top(
    count(
      SENTENCES[lang].flatMap((s) =>
        wordsOf(s).filter((w) => w.length >= 5 && w !== stripAccents(w) && !w.includes('ß')),
      ),
    ),
    12,
  )
    .concat(
      [
        ...new Set(
          SENTENCES[lang].flatMap((s) =>
            wordsOf(s).filter((w) => w.length >= 5 && w !== stripAccents(w) && !w.includes('ß')),
          ),
        ),
      ].slice(0, 12),
    )
    .filter((w, i, all) => all.indexOf(w) === i)
    .slice(0, 12)
    .map(stripAccents);

/** Frequent two-character words of the background text, then the planted ones. */
const CJK_TWO = [
  ...[
    '城市',
    '居民',
    '社区',
    '计划',
    '住房',
    '公园',
    '能源',
    '学校',
    '数据',
    '规划',
    '市政',
    '公共',
  ],
  ...[
    '空间',
    '投资',
    '资金',
    '指标',
    '历史',
    '文化',
    '语言',
    '家庭',
    '商店',
    '屋顶',
    '空气',
    '路灯',
  ],
  ...[
    '住民',
    '地区',
    '計画',
    '公園',
    '住宅',
    '市場',
    '学校',
    '予算',
    '事業',
    '職員',
    '指標',
    '都市',
  ],
  ...[
    '広場',
    '図書',
    '補助',
    '投資',
    '目標',
    '商店',
    '空間',
    '歴史',
    '文化',
    '家族',
    '照明',
    '協定',
  ],
  ...['交通', '対策', '防災', '地熱', '淡化', '分类', '单车', '小樽'],
];

const single = (s) => !/\s/.test(s);
const isCjk = (s) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s);

export function queryClasses() {
  const labelled = LABELLED.map((l) => l.q);
  return {
    'rare words': labelled.filter((s) => single(s) && !(isCjk(s) && [...s].length === 2)),
    'common words': EUROPEAN.flatMap(commonWords),
    'two-word phrases': [
      ...EUROPEAN.flatMap((l) => PHRASES[l]),
      ...labelled.filter((s) => !single(s)),
    ],
    'accent-less European': [
      ...EUROPEAN.filter((l) => l !== 'en').flatMap(accentedWords),
      ...['economia circolare', 'developpement', 'mobilite douce', 'habitacao social'],
    ],
    'two-character zh/ja': CJK_TWO,
  };
}
