import type { PlanWords } from '../plan-words.js';

/** Spanish. */
export const es: PlanWords = {
  titleOf: 'Plan de Acción Local — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: 'Contexto y situación de partida',
      guidance: 'Perfil de la ciudad, contexto político y datos de los que parte el plan.',
    },
    needs: {
      title: 'Análisis de necesidades y problemas',
      guidance:
        'El árbol de problemas y el mapa de actores: qué debe cambiar, para quién y por qué.',
    },
    vision: {
      title: 'Visión y objetivos',
      guidance: 'Adónde quiere llegar la ciudad y los objetivos que conducen hasta allí.',
    },
    'intervention-logic': {
      title: 'Lógica de intervención',
      guidance: 'El marco lógico: cómo las actividades llevan a productos, resultados y objetivos.',
    },
    actions: {
      title: 'Tabla de acciones',
      guidance:
        'Las acciones, con al menos un piloto viable a corto plazo; cada una con un objetivo y al menos un indicador.',
    },
    implementation: {
      title: 'Plan de implementación',
      guidance: 'Calendario, responsabilidades y gobernanza.',
    },
    resourcing: {
      title: 'Recursos y financiación',
      guidance:
        'Cuánto cuesta cada acción y de dónde sale el dinero; qué financiación está asegurada.',
    },
    monitoring: {
      title: 'Seguimiento y marco de resultados',
      guidance: 'Indicadores con valor de referencia y meta, y cómo se medirán.',
    },
    risks: {
      title: 'Análisis de riesgos',
      guidance: 'Los riesgos, su probabilidad e impacto, y cómo se mitigan.',
    },
    participation: {
      title: 'Proceso participativo',
      guidance: 'El grupo local, la consulta sobre el borrador y la presentación.',
    },
    learning: {
      title: 'Aprendizaje de la ciudad socia',
      guidance: 'Prácticas aprendidas de la ciudad socia y cómo se adaptaron.',
    },
    alignment: {
      title: 'Alineación',
      guidance:
        'Cómo contribuye el plan a los ODS, la Nueva Agenda Urbana, el Marco de Sendái y el Acuerdo de París.',
    },
  },
  status: {
    draft: 'Borrador',
    submitted: 'Enviado',
    changes_requested: 'Cambios solicitados',
    approved: 'Aprobado',
    adopted: 'Adoptado localmente',
  },
  actionType: {
    strategic: 'Acción estratégica',
    pilot_project: 'Proyecto piloto',
    small_scale_testing: 'Prueba a pequeña escala',
    enabling: 'Acción habilitadora',
  },
  actionStatus: {
    proposed: 'Propuesta',
    planned: 'Planificada',
    in_progress: 'En curso',
    completed: 'Completada',
    dropped: 'Descartada',
  },
  fundingSource: {
    municipal: 'Presupuesto municipal',
    national: 'Fondos nacionales',
    eu_fund: 'Fondo de la UE',
    ifi_loan: 'Préstamo de una institución financiera',
    private_ppp: 'Privada o colaboración público-privada',
    philanthropy: 'Filantropía',
    in_kind: 'En especie',
  },
  fundingStatus: {
    identified: 'Identificada',
    applied: 'Solicitada',
    secured: 'Asegurada',
  },
  indicatorKind: {
    output: 'De producto',
    result: 'De resultado',
  },
  exportText: {
    notWritten: 'Aún sin redactar.',
    noActions: 'Todavía no hay acciones.',
    untitledAction: 'Acción sin título',
    indicatorBy: 'para el {{date}}',
    columns: {
      title: 'Título',
      type: 'Tipo',
      objective: 'Objetivo',
      lead: 'Responsable',
      dates: 'Fechas',
      cost: 'Coste',
      funding: 'Financiación',
      indicators: 'Indicadores',
    },
  },
};
