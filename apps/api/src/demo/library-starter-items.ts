/**
 * The demo library: good practices and resources of several themes in several languages, written
 * as the cities' staff would, each with real files the project generates (a PDF with text, a DOCX,
 * an image). The practices are illustrative: they follow what the pairings worked on
 * (domain.md §6), not documents the cities published.
 */
import type {
  AgendaCode,
  ContentLanguage,
  ResourceFields,
  ResourceKind,
  ResourceScopeLevel,
  ThemeCode,
} from '@iuc/domain';

export type DemoFile =
  | { kind: 'pdf'; name: string; title: string; pages: string[] }
  | { kind: 'docx'; name: string; paragraphs: string[] }
  | { kind: 'image'; name: string; label: string; colour: string };

export interface DemoLibraryItem {
  /** Stable key: the seed writes an item once and never overwrites edits made in the demo. */
  key: string;
  kind: ResourceKind;
  title: string;
  language: ContentLanguage;
  themes: ThemeCode[];
  sdgs: number[];
  agendas: AgendaCode[];
  /** Author: a demo account's e-mail local part (coordinator.<authority>). */
  author: string;
  /** The city the item is about (authority slug). */
  city: string;
  level: ResourceScopeLevel;
  /** For pairing and side items; side items belong to `city`. */
  pairing?: string;
  /** Programme items: published by the officer, or left waiting for review. */
  review?: 'published' | 'submitted';
  featured?: boolean;
  fields: Partial<ResourceFields>;
  files: DemoFile[];
}

export const DEMO_LIBRARY: DemoLibraryItem[] = [
  {
    key: 'bologna-circular-procurement',
    kind: 'good_practice',
    title: 'Circular procurement for public works',
    language: 'en',
    themes: ['circular-economy', 'public-procurement'],
    sdgs: [9, 11, 12, 13],
    agendas: ['new-urban-agenda', 'paris'],
    author: 'coordinator.bologna',
    city: 'bologna',
    level: 'programme',
    review: 'published',
    featured: true,
    fields: {
      summary:
        'Tender criteria that make road and school works reuse demolition materials and report what they reused.',
      problem:
        'Public works were the largest source of construction and demolition waste in the metropolitan area, and tenders rewarded the lowest price only: recycled aggregates lost to virgin gravel every time.',
      approach:
        'The procurement office rewrote the award criteria of public works: 30 % of the technical score rewards a share of recycled aggregates, selective demolition plans and material passports. A shared register tracks what every site reuses.',
      participation:
        'Designed with the builders’ association, two universities and the waste utility in four workshops; the environment, public works and legal departments own it together.',
      results:
        'In two years 41 tenders used the criteria; 62 % of the aggregates in those works were recycled (from 9 %), with no rise in average cost per square metre.',
      resourcesNeeded:
        'Two procurement officers for six months, a lawyer to check the criteria against the EU directives, a register (a spreadsheet at first).',
      timescale: 'Eighteen months from the first workshop to routine use.',
      transferability:
        'Works wherever public works are tendered under rules that allow quality criteria; the register matters more than the exact weights. Partners need a local market for recycled aggregates.',
      lessons:
        'The first tender failed: no bidder could prove the recycled share. Asking for the plan at bidding time and the evidence at delivery fixed it.',
      contact: 'Giulia Rinaldi, Metropolitan City of Bologna, circular economy office',
      links: ['https://ec.europa.eu/environment/gpp/index_en.htm'],
    },
    files: [
      {
        kind: 'pdf',
        name: 'circular-procurement-report.pdf',
        title: 'Circular procurement for public works — results 2019–2021',
        pages: [
          'Circular procurement for public works. Metropolitan City of Bologna. This report sets out the award criteria used in 41 tenders and the recycled share of aggregates they achieved.',
          'Method. Thirty per cent of the technical score rewards recycled aggregates, selective demolition plans and material passports. Evidence is checked at delivery against the shared register.',
          'Results. The recycled share rose from 9 % to 62 %. The average cost per square metre did not rise. Lessons: ask for the plan at bidding time and the evidence at delivery.',
        ],
      },
      {
        kind: 'docx',
        name: 'award-criteria-template.docx',
        paragraphs: [
          'Award criteria template for circular public works',
          'Criterion 1: share of recycled aggregates (up to 12 points).',
          'Criterion 2: selective demolition plan (up to 10 points).',
          'Criterion 3: material passport for the delivered work (up to 8 points).',
        ],
      },
      { kind: 'image', name: 'recycled-aggregates-site.png', label: 'Bologna', colour: '#5b7f3a' },
    ],
  },
  {
    key: 'malaga-bike-network',
    kind: 'good_practice',
    title: 'Red ciclista conectada y aparcamientos seguros en estaciones',
    language: 'es',
    themes: ['urban-mobility'],
    sdgs: [3, 11, 13],
    agendas: ['new-urban-agenda'],
    author: 'coordinator.malaga',
    city: 'malaga',
    level: 'programme',
    review: 'published',
    fields: {
      summary:
        'Cerrar los huecos de la red de carriles bici y ofrecer aparcamiento seguro en las estaciones duplicó los desplazamientos en bicicleta.',
      problem:
        'Los carriles bici existían a trozos: faltaban los tramos que conectan los barrios con el centro y con las estaciones, y no había dónde dejar la bicicleta con seguridad.',
      approach:
        'El Plan de Movilidad Urbana Sostenible priorizó doce tramos que cierran la red y aparcamientos cubiertos con acceso por tarjeta en las estaciones de metro y cercanías.',
      participation:
        'Se recorrieron los tramos con asociaciones de ciclistas y vecinales; el diseño final pasó por la mesa de movilidad del Ayuntamiento.',
      results:
        'Los desplazamientos diarios en bicicleta pasaron de 6.000 a 12.500 en tres años; los aparcamientos de las estaciones están ocupados al 85 %.',
      resourcesNeeded:
        '4,2 millones de euros (fondos FEDER y municipales) y un equipo de dos técnicos.',
      timescale: 'Tres años.',
      transferability:
        'Aplicable a ciudades con una red a medio hacer; la clave es medir antes y después con contadores automáticos.',
      lessons:
        'Un tramo se retrasó un año por no implicar antes a los comercios de la calle; ahora se les consulta desde el principio.',
      contact: 'Lucía Ortega, Ayuntamiento de Málaga, Área de Movilidad',
      links: [],
    },
    files: [
      {
        kind: 'pdf',
        name: 'red-ciclista-malaga.pdf',
        title: 'Red ciclista de Málaga: balance de tres años',
        pages: [
          'Red ciclista de Málaga. Balance de los desplazamientos en bicicleta tras cerrar doce tramos de la red y abrir aparcamientos seguros en las estaciones.',
          'Resultados: de 6.000 a 12.500 desplazamientos diarios en bicicleta. Ocupación de los aparcamientos: 85 %.',
        ],
      },
    ],
  },
  {
    key: 'torino-commons-pacts',
    kind: 'good_practice',
    title: 'Patti di collaborazione per la cura dei beni comuni urbani',
    language: 'it',
    themes: ['urban-regeneration', 'security-public-spaces'],
    sdgs: [11, 16, 17],
    agendas: ['new-urban-agenda'],
    author: 'coordinator.torino',
    city: 'torino',
    level: 'programme',
    review: 'submitted',
    fields: {
      summary:
        'Un regolamento che permette a cittadini e associazioni di prendersi cura di spazi pubblici con un patto firmato con il Comune.',
      problem:
        'Spazi pubblici e edifici inutilizzati si degradavano, mentre gruppi di cittadini volevano occuparsene ma non avevano uno strumento giuridico.',
      approach:
        'Il regolamento dei beni comuni urbani definisce i patti di collaborazione: chi fa cosa, per quanto tempo, con quali risorse del Comune.',
      participation:
        'Ogni patto nasce da una proposta dei cittadini e viene co-progettato con gli uffici; i patti sono pubblici.',
      results: 'Oltre 100 patti firmati in cinque anni, dai giardini alle scuole.',
      resourcesNeeded:
        'Un ufficio di coordinamento di tre persone e un piccolo fondo per i materiali.',
      timescale: 'Un anno per il regolamento, poi continuo.',
      transferability:
        'Il modello è stato adottato da molte città italiane; serve una base giuridica locale per i patti.',
      lessons:
        'I patti troppo generici si esauriscono: funzionano meglio con obiettivi e scadenze chiari.',
      contact: 'Marco Ferraris, Città di Torino',
      links: [],
    },
    files: [
      {
        kind: 'docx',
        name: 'patto-di-collaborazione-modello.docx',
        paragraphs: [
          'Modello di patto di collaborazione',
          'Le parti: il Comune e i cittadini attivi.',
          'Oggetto: la cura condivisa di un bene comune urbano.',
        ],
      },
    ],
  },
  {
    key: 'jingyue-public-transport',
    kind: 'case_study',
    title: '净月区公共交通与绿色出行示范',
    language: 'zh',
    themes: ['urban-mobility', 'energy-transition'],
    sdgs: [7, 11, 13],
    agendas: ['paris'],
    author: 'coordinator.jingyue',
    city: 'jingyue',
    level: 'programme',
    review: 'published',
    fields: {
      summary: '净月高新区通过电动公交和自行车道建设，提高绿色出行比例。',
      problem: '开发区人口快速增长，私家车出行比例高，公共交通覆盖不足。',
      approach: '新增电动公交线路，连接轨道交通站点，并建设与马拉加经验相结合的自行车道网络。',
      participation: '与马拉加市交流可持续城市交通规划经验，组织居民问卷调查。',
      results: '两年内公共交通出行比例提高了百分之十五，新增电动公交车八十辆。',
      resourcesNeeded: '区财政资金与省级绿色交通专项资金。',
      timescale: '两年',
      transferability: '适用于快速发展的新区；需要与轨道交通同步规划。',
      lessons: '早期线路设计未考虑学校上下学高峰，后根据调查调整。',
      contact: '王丽，净月高新技术产业开发区',
      links: [],
    },
    files: [
      {
        kind: 'pdf',
        name: '净月公共交通案例.pdf',
        title: '净月区公共交通案例',
        pages: [
          '净月区公共交通与绿色出行示范。本报告介绍电动公交线路、自行车道网络和居民调查的结果。',
          '公共交通出行比例提高了百分之十五。',
        ],
      },
      { kind: 'image', name: 'electric-bus.png', label: 'Jingyue', colour: '#2f6f9f' },
    ],
  },
  {
    key: 'hirosaki-snow-adaptation',
    kind: 'good_practice',
    title: '弘前市の雪対策と気候変動への適応',
    language: 'ja',
    themes: ['climate-adaptation', 'energy-transition'],
    sdgs: [11, 13],
    agendas: ['sendai', 'paris'],
    author: 'coordinator.hirosaki',
    city: 'hirosaki',
    level: 'programme',
    review: 'published',
    fields: {
      summary: '地域の雪対策を気候変動対策と結びつけ、除雪と融雪のエネルギーを見直した取り組み。',
      problem: '豪雪と少雪の年が交互に起こり、除雪費用と高齢者の負担が増えている。',
      approach:
        '地下水と再生可能エネルギーを使った融雪施設を整備し、町内会による除雪支援を組み合わせた。',
      participation: '町内会、大学、事業者と意見交換会を重ね、ドノスティア市とも経験を共有した。',
      results: '融雪施設の対象地区で除雪費用が二割減り、冬季の救急搬送の遅れが減った。',
      resourcesNeeded: '市の予算と国の補助金、町内会の協力。',
      timescale: '三年',
      transferability: '積雪地域の都市に応用できる。地下水の利用条件を事前に確認する必要がある。',
      lessons: '最初の施設は地下水位の調査不足で能力が足りなかった。',
      contact: '佐藤由紀、弘前市',
      links: [],
    },
    files: [
      {
        kind: 'pdf',
        name: '弘前市雪対策報告書.pdf',
        title: '弘前市の雪対策',
        pages: [
          '弘前市の雪対策と気候変動への適応。融雪施設と町内会による除雪支援の報告書です。',
          '除雪費用が二割減りました。',
        ],
      },
    ],
  },
  {
    key: 'austin-resilience-hubs',
    kind: 'toolkit',
    title: 'Resilience hubs: a toolkit for neighbourhood climate shelters',
    language: 'en',
    themes: ['climate-adaptation'],
    sdgs: [1, 11, 13],
    agendas: ['sendai'],
    author: 'coordinator.austin',
    city: 'austin',
    level: 'pairing',
    pairing: 'bologna-austin',
    fields: {
      summary:
        'How Austin turns recreation centres into hubs that keep power, water and information during heat waves and storms.',
      approach:
        'Community buildings are equipped with solar power and storage, trained staff and a communication plan; neighbours help choose the sites.',
      lessons: 'Shared with Bologna for its heat-wave plan; not yet published programme-wide.',
      contact: 'Rachel Alvarez, City of Austin',
      links: [],
    },
    files: [
      {
        kind: 'docx',
        name: 'resilience-hub-checklist.docx',
        paragraphs: [
          'Resilience hub checklist',
          'Power: solar with storage for 72 hours.',
          'Water: drinking water for 300 people.',
          'Information: a trained host and a multilingual notice board.',
        ],
      },
    ],
  },
  {
    key: 'barcelona-land-trusts',
    kind: 'guideline',
    title: 'Community land trusts: a guideline for city housing departments',
    language: 'en',
    themes: ['housing', 'urban-poverty'],
    sdgs: [1, 10, 11],
    agendas: ['new-urban-agenda'],
    author: 'coordinator.barcelona',
    city: 'barcelona',
    level: 'programme',
    review: 'published',
    fields: {
      summary:
        'What Barcelona learned from New York about keeping homes affordable for good by separating land from buildings.',
      approach:
        'The city cedes land to a non-profit trust for 75 years; the trust builds or renovates and sells or rents homes at prices tied to income.',
      transferability:
        'Needs public land and a legal form for long leases; works with cooperatives as partners.',
      lessons:
        'Resale formulas must be fixed in the first contract: changing them later took two years.',
      contact: 'Montserrat Puig, Ajuntament de Barcelona',
      links: [],
    },
    files: [
      {
        kind: 'pdf',
        name: 'community-land-trusts-guideline.pdf',
        title: 'Community land trusts: a guideline',
        pages: [
          'Community land trusts keep homes affordable for good by separating the land from the buildings. This guideline draws on the exchange between Barcelona and New York.',
        ],
      },
    ],
  },
  {
    key: 'hamburg-draft-cooling',
    kind: 'report',
    title: 'Entwurf: Hitzeaktionsplan für Wilhelmsburg',
    language: 'de',
    themes: ['climate-adaptation'],
    sdgs: [3, 11, 13],
    agendas: [],
    author: 'coordinator.hamburg',
    city: 'hamburg',
    level: 'side',
    pairing: 'hamburg-guadalajara',
    fields: {
      summary: 'Interner Entwurf des Teams in Hamburg, noch nicht mit Guadalajara geteilt.',
      approach: 'Kühle Orte, Trinkbrunnen und ein Warnsystem für ältere Menschen.',
      links: [],
    },
    files: [],
  },
];
