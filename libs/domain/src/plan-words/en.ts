import type { PlanWords } from '../plan-words.js';

/** English. */
export const en: PlanWords = {
  titleOf: 'Local Action Plan — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: 'Context and baseline',
      guidance: 'Profile of the city, the policy context and the evidence the plan starts from.',
    },
    needs: {
      title: 'Needs and problem analysis',
      guidance: 'The problem tree and the stakeholder map: what must change, for whom, and why.',
    },
    vision: {
      title: 'Vision and objectives',
      guidance: 'Where the city wants to be and the objectives that lead there.',
    },
    'intervention-logic': {
      title: 'Intervention logic',
      guidance: 'The logframe: how activities lead to outputs, results and the objectives.',
    },
    actions: {
      title: 'Action table',
      guidance:
        'The actions, with at least one viable short-term pilot; each with an objective and at least one indicator.',
    },
    implementation: {
      title: 'Implementation plan',
      guidance: 'Timeline, responsibilities and governance.',
    },
    resourcing: {
      title: 'Resourcing and funding',
      guidance: 'What each action costs and where the money comes from; which funding is secured.',
    },
    monitoring: {
      title: 'Monitoring and results framework',
      guidance: 'Indicators with baseline and target, and how they will be measured.',
    },
    risks: {
      title: 'Risk analysis',
      guidance: 'Risks, their likelihood and impact, and how they are mitigated.',
    },
    participation: {
      title: 'Participatory process',
      guidance: 'The local group, the consultation on the draft and the launch.',
    },
    learning: {
      title: 'Learning from the partner',
      guidance: 'Practices learnt from the partner city and how they were adapted.',
    },
    alignment: {
      title: 'Alignment',
      guidance:
        'How the plan serves the SDGs, the New Urban Agenda, the Sendai Framework and the Paris Agreement.',
    },
  },
  status: {
    draft: 'Draft',
    submitted: 'Submitted',
    changes_requested: 'Changes requested',
    approved: 'Approved',
    adopted: 'Adopted locally',
  },
  actionType: {
    strategic: 'Strategic action',
    pilot_project: 'Pilot project',
    small_scale_testing: 'Small-scale testing',
    enabling: 'Enabling action',
  },
  actionStatus: {
    proposed: 'Proposed',
    planned: 'Planned',
    in_progress: 'In progress',
    completed: 'Completed',
    dropped: 'Dropped',
  },
  fundingSource: {
    municipal: 'Municipal budget',
    national: 'National funds',
    eu_fund: 'EU fund',
    ifi_loan: 'Loan from a financial institution',
    private_ppp: 'Private or public–private partnership',
    philanthropy: 'Philanthropy',
    in_kind: 'In kind',
  },
  fundingStatus: {
    identified: 'Identified',
    applied: 'Applied for',
    secured: 'Secured',
  },
  indicatorKind: {
    output: 'Output',
    result: 'Result',
  },
  exportText: {
    notWritten: 'Not written yet.',
    noActions: 'No actions yet.',
    untitledAction: 'Untitled action',
    indicatorBy: 'by {{date}}',
    columns: {
      title: 'Title',
      type: 'Type',
      objective: 'Objective',
      lead: 'Lead',
      dates: 'Dates',
      cost: 'Cost',
      funding: 'Funding',
      indicators: 'Indicators',
    },
  },
};
