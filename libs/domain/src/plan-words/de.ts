import type { PlanWords } from '../plan-words.js';

/** German. */
export const de: PlanWords = {
  titleOf: 'Lokaler Aktionsplan — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: 'Kontext und Ausgangslage',
      guidance: 'Profil der Stadt, politischer Rahmen und die Daten, von denen der Plan ausgeht.',
    },
    needs: {
      title: 'Bedarfs- und Problemanalyse',
      guidance: 'Problembaum und Akteurslandkarte: Was muss sich ändern, für wen und warum?',
    },
    vision: {
      title: 'Vision und Ziele',
      guidance: 'Wohin die Stadt will und welche Ziele dorthin führen.',
    },
    'intervention-logic': {
      title: 'Interventionslogik',
      guidance:
        'Die Wirkungslogik (Logframe): wie Aktivitäten zu Leistungen, Ergebnissen und den Zielen führen.',
    },
    actions: {
      title: 'Maßnahmentabelle',
      guidance:
        'Die Maßnahmen, darunter mindestens ein tragfähiges kurzfristiges Pilotprojekt; jede mit einem Ziel und mindestens einem Indikator.',
    },
    implementation: {
      title: 'Umsetzungsplan',
      guidance: 'Zeitplan, Zuständigkeiten und Steuerung.',
    },
    resourcing: {
      title: 'Ressourcen und Finanzierung',
      guidance: 'Was jede Maßnahme kostet und woher das Geld kommt; welche Mittel gesichert sind.',
    },
    monitoring: {
      title: 'Monitoring und Ergebnisrahmen',
      guidance: 'Indikatoren mit Ausgangs- und Zielwert und wie sie gemessen werden.',
    },
    risks: {
      title: 'Risikoanalyse',
      guidance: 'Die Risiken, ihre Wahrscheinlichkeit und Auswirkung und wie sie gemindert werden.',
    },
    participation: {
      title: 'Beteiligungsprozess',
      guidance: 'Die lokale Gruppe, die Konsultation zum Entwurf und der Auftakt.',
    },
    learning: {
      title: 'Lernen von der Partnerstadt',
      guidance: 'Von der Partnerstadt übernommene Praktiken und wie sie angepasst wurden.',
    },
    alignment: {
      title: 'Einordnung',
      guidance:
        'Wie der Plan zu den SDGs, der Neuen Urbanen Agenda, dem Sendai-Rahmenwerk und dem Übereinkommen von Paris beiträgt.',
    },
  },
  status: {
    draft: 'Entwurf',
    submitted: 'Eingereicht',
    changes_requested: 'Änderungen erbeten',
    approved: 'Genehmigt',
    adopted: 'Vor Ort beschlossen',
  },
  actionType: {
    strategic: 'Strategische Maßnahme',
    pilot_project: 'Pilotprojekt',
    small_scale_testing: 'Test im kleinen Maßstab',
    enabling: 'Unterstützende Maßnahme',
  },
  actionStatus: {
    proposed: 'Vorgeschlagen',
    planned: 'Geplant',
    in_progress: 'In Arbeit',
    completed: 'Abgeschlossen',
    dropped: 'Verworfen',
  },
  fundingSource: {
    municipal: 'Städtischer Haushalt',
    national: 'Nationale Mittel',
    eu_fund: 'EU-Fonds',
    ifi_loan: 'Darlehen eines Finanzinstituts',
    private_ppp: 'Privat oder öffentlich-private Partnerschaft',
    philanthropy: 'Stiftungen und Spenden',
    in_kind: 'Sachleistung',
  },
  fundingStatus: {
    identified: 'Ermittelt',
    applied: 'Beantragt',
    secured: 'Gesichert',
  },
  indicatorKind: {
    output: 'Leistung (Output)',
    result: 'Ergebnis',
  },
  exportText: {
    notWritten: 'Noch nicht verfasst.',
    noActions: 'Noch keine Maßnahmen.',
    untitledAction: 'Maßnahme ohne Titel',
    indicatorBy: 'bis {{date}}',
    columns: {
      title: 'Titel',
      type: 'Art',
      objective: 'Ziel',
      lead: 'Federführung',
      dates: 'Zeitraum',
      cost: 'Kosten',
      funding: 'Finanzierung',
      indicators: 'Indikatoren',
    },
  },
};
