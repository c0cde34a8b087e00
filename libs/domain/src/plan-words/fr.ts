import type { PlanWords } from '../plan-words.js';

/** French. */
export const fr: PlanWords = {
  titleOf: 'Plan d’action local — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: 'Contexte et situation de départ',
      guidance:
        'Profil de la ville, contexte des politiques publiques et données dont part le plan.',
    },
    needs: {
      title: 'Analyse des besoins et des problèmes',
      guidance:
        'L’arbre à problèmes et la cartographie des acteurs : ce qui doit changer, pour qui et pourquoi.',
    },
    vision: {
      title: 'Vision et objectifs',
      guidance: 'Où la ville veut aller et les objectifs qui y mènent.',
    },
    'intervention-logic': {
      title: 'Logique d’intervention',
      guidance:
        'Le cadre logique : comment les activités mènent aux réalisations, aux résultats et aux objectifs.',
    },
    actions: {
      title: 'Tableau des actions',
      guidance:
        'Les actions, dont au moins un projet pilote viable à court terme ; chacune avec un objectif et au moins un indicateur.',
    },
    implementation: {
      title: 'Plan de mise en œuvre',
      guidance: 'Calendrier, responsabilités et gouvernance.',
    },
    resourcing: {
      title: 'Ressources et financement',
      guidance:
        'Ce que coûte chaque action et d’où vient l’argent ; quels financements sont acquis.',
    },
    monitoring: {
      title: 'Suivi et cadre de résultats',
      guidance: 'Indicateurs avec valeur de référence et cible, et la manière de les mesurer.',
    },
    risks: {
      title: 'Analyse des risques',
      guidance: 'Les risques, leur probabilité et leur impact, et la façon de les atténuer.',
    },
    participation: {
      title: 'Démarche participative',
      guidance: 'Le groupe local, la consultation sur le projet de plan et son lancement.',
    },
    learning: {
      title: 'Enseignements de la ville partenaire',
      guidance:
        'Les pratiques apprises de la ville partenaire et la façon dont elles ont été adaptées.',
    },
    alignment: {
      title: 'Cohérence',
      guidance:
        'Comment le plan sert les ODD, le Nouveau Programme pour les villes, le Cadre de Sendai et l’Accord de Paris.',
    },
  },
  status: {
    draft: 'Brouillon',
    submitted: 'Soumis',
    changes_requested: 'Modifications demandées',
    approved: 'Approuvé',
    adopted: 'Adopté localement',
  },
  actionType: {
    strategic: 'Action stratégique',
    pilot_project: 'Projet pilote',
    small_scale_testing: 'Test à petite échelle',
    enabling: 'Action habilitante',
  },
  actionStatus: {
    proposed: 'Proposée',
    planned: 'Planifiée',
    in_progress: 'En cours',
    completed: 'Terminée',
    dropped: 'Abandonnée',
  },
  fundingSource: {
    municipal: 'Budget municipal',
    national: 'Fonds nationaux',
    eu_fund: 'Fonds de l’UE',
    ifi_loan: 'Prêt d’une institution financière',
    private_ppp: 'Privé ou partenariat public-privé',
    philanthropy: 'Philanthropie',
    in_kind: 'En nature',
  },
  fundingStatus: {
    identified: 'Identifié',
    applied: 'Demandé',
    secured: 'Acquis',
  },
  indicatorKind: {
    output: 'De réalisation',
    result: 'De résultat',
  },
  exportText: {
    notWritten: 'Pas encore rédigé.',
    noActions: 'Aucune action pour l’instant.',
    untitledAction: 'Action sans titre',
    indicatorBy: 'd’ici le {{date}}',
    columns: {
      title: 'Titre',
      type: 'Type',
      objective: 'Objectif',
      lead: 'Responsable',
      dates: 'Dates',
      cost: 'Coût',
      funding: 'Financement',
      indicators: 'Indicateurs',
    },
  },
};
