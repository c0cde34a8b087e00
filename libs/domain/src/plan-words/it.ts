import type { PlanWords } from '../plan-words.js';

/** Italian. */
export const it: PlanWords = {
  titleOf: 'Piano d’azione locale — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: 'Contesto e situazione di partenza',
      guidance: 'Profilo della città, contesto delle politiche e dati da cui parte il piano.',
    },
    needs: {
      title: 'Analisi dei bisogni e dei problemi',
      guidance:
        'L’albero dei problemi e la mappa degli attori: che cosa deve cambiare, per chi e perché.',
    },
    vision: {
      title: 'Visione e obiettivi',
      guidance: 'Dove vuole arrivare la città e gli obiettivi che la portano lì.',
    },
    'intervention-logic': {
      title: 'Logica d’intervento',
      guidance:
        'Il quadro logico: come le attività portano a realizzazioni, risultati e obiettivi.',
    },
    actions: {
      title: 'Tabella delle azioni',
      guidance:
        'Le azioni, con almeno un progetto pilota realizzabile a breve termine; ciascuna con un obiettivo e almeno un indicatore.',
    },
    implementation: {
      title: 'Piano di attuazione',
      guidance: 'Cronoprogramma, responsabilità e governance.',
    },
    resourcing: {
      title: 'Risorse e finanziamento',
      guidance:
        'Quanto costa ogni azione e da dove arrivano i fondi; quali finanziamenti sono assicurati.',
    },
    monitoring: {
      title: 'Monitoraggio e quadro dei risultati',
      guidance: 'Indicatori con valore di partenza e obiettivo, e come saranno misurati.',
    },
    risks: {
      title: 'Analisi dei rischi',
      guidance: 'I rischi, la loro probabilità e il loro impatto, e come vengono attenuati.',
    },
    participation: {
      title: 'Processo partecipativo',
      guidance: 'Il gruppo locale, la consultazione sulla bozza e il lancio.',
    },
    learning: {
      title: 'Apprendimento dalla città partner',
      guidance: 'Pratiche apprese dalla città partner e come sono state adattate.',
    },
    alignment: {
      title: 'Allineamento',
      guidance:
        'Come il piano contribuisce agli OSS, alla Nuova Agenda Urbana, al Quadro di Sendai e all’Accordo di Parigi.',
    },
  },
  status: {
    draft: 'Bozza',
    submitted: 'Inviato',
    changes_requested: 'Modifiche richieste',
    approved: 'Approvato',
    adopted: 'Adottato localmente',
  },
  actionType: {
    strategic: 'Azione strategica',
    pilot_project: 'Progetto pilota',
    small_scale_testing: 'Sperimentazione su piccola scala',
    enabling: 'Azione abilitante',
  },
  actionStatus: {
    proposed: 'Proposta',
    planned: 'Pianificata',
    in_progress: 'In corso',
    completed: 'Completata',
    dropped: 'Abbandonata',
  },
  fundingSource: {
    municipal: 'Bilancio comunale',
    national: 'Fondi nazionali',
    eu_fund: 'Fondo UE',
    ifi_loan: 'Prestito di un’istituzione finanziaria',
    private_ppp: 'Privato o partenariato pubblico-privato',
    philanthropy: 'Filantropia',
    in_kind: 'In natura',
  },
  fundingStatus: {
    identified: 'Individuato',
    applied: 'Richiesto',
    secured: 'Assicurato',
  },
  indicatorKind: {
    output: 'Di realizzazione',
    result: 'Di risultato',
  },
  exportText: {
    notWritten: 'Non ancora redatto.',
    noActions: 'Ancora nessuna azione.',
    untitledAction: 'Azione senza titolo',
    indicatorBy: 'entro il {{date}}',
    columns: {
      title: 'Titolo',
      type: 'Tipo',
      objective: 'Obiettivo',
      lead: 'Capofila',
      dates: 'Date',
      cost: 'Costo',
      funding: 'Finanziamento',
      indicators: 'Indicatori',
    },
  },
};
