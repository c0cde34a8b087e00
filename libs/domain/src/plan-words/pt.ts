import type { PlanWords } from '../plan-words.js';

/** Portuguese. */
export const pt: PlanWords = {
  titleOf: 'Plano de Ação Local — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: 'Contexto e situação de partida',
      guidance: 'Perfil da cidade, contexto político e dados de que o plano parte.',
    },
    needs: {
      title: 'Análise de necessidades e problemas',
      guidance:
        'A árvore de problemas e o mapa de partes interessadas: o que tem de mudar, para quem e porquê.',
    },
    vision: {
      title: 'Visão e objetivos',
      guidance: 'Onde a cidade quer chegar e os objetivos que levam até lá.',
    },
    'intervention-logic': {
      title: 'Lógica de intervenção',
      guidance: 'O quadro lógico: como as atividades levam a realizações, resultados e objetivos.',
    },
    actions: {
      title: 'Tabela de ações',
      guidance:
        'As ações, com pelo menos um piloto viável de curto prazo; cada uma com um objetivo e pelo menos um indicador.',
    },
    implementation: {
      title: 'Plano de execução',
      guidance: 'Calendário, responsabilidades e governação.',
    },
    resourcing: {
      title: 'Recursos e financiamento',
      guidance:
        'Quanto custa cada ação e de onde vem o dinheiro; que financiamento está garantido.',
    },
    monitoring: {
      title: 'Monitorização e quadro de resultados',
      guidance: 'Indicadores com valor de referência e meta, e como serão medidos.',
    },
    risks: {
      title: 'Análise de riscos',
      guidance: 'Os riscos, a sua probabilidade e impacto, e como são mitigados.',
    },
    participation: {
      title: 'Processo participativo',
      guidance: 'O grupo local, a consulta sobre o rascunho e o lançamento.',
    },
    learning: {
      title: 'Aprendizagem com a cidade parceira',
      guidance: 'Práticas aprendidas com a cidade parceira e como foram adaptadas.',
    },
    alignment: {
      title: 'Alinhamento',
      guidance:
        'Como o plano contribui para os ODS, a Nova Agenda Urbana, o Quadro de Sendai e o Acordo de Paris.',
    },
  },
  status: {
    draft: 'Rascunho',
    submitted: 'Submetido',
    changes_requested: 'Alterações pedidas',
    approved: 'Aprovado',
    adopted: 'Adotado localmente',
  },
  actionType: {
    strategic: 'Ação estratégica',
    pilot_project: 'Projeto-piloto',
    small_scale_testing: 'Teste em pequena escala',
    enabling: 'Ação facilitadora',
  },
  actionStatus: {
    proposed: 'Proposta',
    planned: 'Planeada',
    in_progress: 'Em curso',
    completed: 'Concluída',
    dropped: 'Abandonada',
  },
  fundingSource: {
    municipal: 'Orçamento municipal',
    national: 'Fundos nacionais',
    eu_fund: 'Fundo da UE',
    ifi_loan: 'Empréstimo de uma instituição financeira',
    private_ppp: 'Privado ou parceria público-privada',
    philanthropy: 'Filantropia',
    in_kind: 'Em espécie',
  },
  fundingStatus: {
    identified: 'Identificado',
    applied: 'Candidatado',
    secured: 'Garantido',
  },
  indicatorKind: {
    output: 'De realização',
    result: 'De resultado',
  },
  exportText: {
    notWritten: 'Ainda não redigido.',
    noActions: 'Ainda não há ações.',
    untitledAction: 'Ação sem título',
    indicatorBy: 'até {{date}}',
    columns: {
      title: 'Título',
      type: 'Tipo',
      objective: 'Objetivo',
      lead: 'Responsável',
      dates: 'Datas',
      cost: 'Custo',
      funding: 'Financiamento',
      indicators: 'Indicadores',
    },
  },
};
