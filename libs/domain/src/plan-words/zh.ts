import type { PlanWords } from '../plan-words.js';

/** Chinese. */
export const zh: PlanWords = {
  titleOf: '地方行动计划 — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: '背景与基线',
      guidance: '城市概况、政策背景以及计划所依据的证据。',
    },
    needs: {
      title: '需求与问题分析',
      guidance: '问题树和利益相关方图谱：需要改变什么、为谁改变、为什么。',
    },
    vision: {
      title: '愿景与目标',
      guidance: '城市希望达到的状态，以及通往那里的目标。',
    },
    'intervention-logic': {
      title: '干预逻辑',
      guidance: '逻辑框架：活动如何带来产出、成果并实现目标。',
    },
    actions: {
      title: '行动表',
      guidance: '各项行动，至少包括一个可行的短期试点；每项行动都有目标和至少一个指标。',
    },
    implementation: {
      title: '实施计划',
      guidance: '时间表、职责分工与治理安排。',
    },
    resourcing: {
      title: '资源与资金',
      guidance: '每项行动的成本、资金来源，以及哪些资金已落实。',
    },
    monitoring: {
      title: '监测与成果框架',
      guidance: '带有基线值和目标值的指标，以及如何进行测量。',
    },
    risks: {
      title: '风险分析',
      guidance: '各项风险、其可能性与影响，以及如何减轻。',
    },
    participation: {
      title: '参与过程',
      guidance: '本地工作组、草案征求意见以及计划发布。',
    },
    learning: {
      title: '向伙伴城市学习',
      guidance: '从伙伴城市学到的做法以及如何因地制宜地调整。',
    },
    alignment: {
      title: '目标对接',
      guidance: '计划如何服务于可持续发展目标、《新城市议程》、《仙台框架》和《巴黎协定》。',
    },
  },
  status: {
    draft: '草稿',
    submitted: '已提交',
    changes_requested: '需修改',
    approved: '已批准',
    adopted: '已在当地通过',
  },
  actionType: {
    strategic: '战略行动',
    pilot_project: '试点项目',
    small_scale_testing: '小规模测试',
    enabling: '支撑性行动',
  },
  actionStatus: {
    proposed: '已提议',
    planned: '已规划',
    in_progress: '进行中',
    completed: '已完成',
    dropped: '已放弃',
  },
  fundingSource: {
    municipal: '市级预算',
    national: '国家资金',
    eu_fund: '欧盟基金',
    ifi_loan: '金融机构贷款',
    private_ppp: '私营或公私合作',
    philanthropy: '慈善捐助',
    in_kind: '实物投入',
  },
  fundingStatus: {
    identified: '已确定来源',
    applied: '已申请',
    secured: '已落实',
  },
  indicatorKind: {
    output: '产出指标',
    result: '成果指标',
  },
  exportText: {
    notWritten: '尚未撰写。',
    noActions: '尚无行动。',
    untitledAction: '未命名行动',
    indicatorBy: '截至 {{date}}',
    columns: {
      title: '标题',
      type: '类型',
      objective: '目标',
      lead: '牵头单位',
      dates: '日期',
      cost: '费用',
      funding: '资金',
      indicators: '指标',
    },
  },
};
