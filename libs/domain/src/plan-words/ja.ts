import type { PlanWords } from '../plan-words.js';

/** Japanese. */
export const ja: PlanWords = {
  titleOf: '地域行動計画 — {{city}}',
  sectionTitle: '{{number}}. {{title}}',
  section: {
    context: {
      title: '背景と現状',
      guidance: '都市の概要、政策の背景、計画の出発点となる根拠。',
    },
    needs: {
      title: 'ニーズと課題の分析',
      guidance: '問題の系統図と関係者マップ：何を、誰のために、なぜ変える必要があるか。',
    },
    vision: {
      title: 'ビジョンと目標',
      guidance: '都市が目指す姿と、そこに至るための目標。',
    },
    'intervention-logic': {
      title: '介入ロジック',
      guidance: 'ロジカルフレームワーク：活動がどのようにアウトプット、成果、目標につながるか。',
    },
    actions: {
      title: 'アクション表',
      guidance:
        '各アクション。実現可能な短期パイロットを少なくとも1つ含み、それぞれに目標と1つ以上の指標を設けます。',
    },
    implementation: {
      title: '実施計画',
      guidance: 'スケジュール、役割分担、ガバナンス。',
    },
    resourcing: {
      title: '資源と資金',
      guidance: '各アクションの費用と資金の出所、確保済みの資金。',
    },
    monitoring: {
      title: 'モニタリングと成果の枠組み',
      guidance: 'ベースラインと目標値を持つ指標と、その測定方法。',
    },
    risks: {
      title: 'リスク分析',
      guidance: 'リスクとその可能性・影響、そして軽減策。',
    },
    participation: {
      title: '参加型プロセス',
      guidance: '地域グループ、草案への意見聴取、計画の発表。',
    },
    learning: {
      title: 'パートナー都市からの学び',
      guidance: 'パートナー都市から学んだ取り組みと、その適用のしかた。',
    },
    alignment: {
      title: '国際目標との整合',
      guidance:
        '計画がSDGs、ニュー・アーバン・アジェンダ、仙台防災枠組、パリ協定にどう貢献するか。',
    },
  },
  status: {
    draft: '下書き',
    submitted: '提出済み',
    changes_requested: '修正依頼あり',
    approved: '承認済み',
    adopted: '地域で採択済み',
  },
  actionType: {
    strategic: '戦略的アクション',
    pilot_project: 'パイロット事業',
    small_scale_testing: '小規模な試行',
    enabling: '基盤づくりのアクション',
  },
  actionStatus: {
    proposed: '提案',
    planned: '計画済み',
    in_progress: '実施中',
    completed: '完了',
    dropped: '中止',
  },
  fundingSource: {
    municipal: '市の予算',
    national: '国の資金',
    eu_fund: 'EU基金',
    ifi_loan: '金融機関からの融資',
    private_ppp: '民間資金または官民連携',
    philanthropy: '寄付・財団',
    in_kind: '現物提供',
  },
  fundingStatus: {
    identified: '候補あり',
    applied: '申請済み',
    secured: '確保済み',
  },
  indicatorKind: {
    output: 'アウトプット',
    result: '成果',
  },
  exportText: {
    notWritten: 'まだ書かれていません。',
    noActions: 'アクションはまだありません。',
    untitledAction: '無題のアクション',
    indicatorBy: '{{date}}まで',
    columns: {
      title: 'タイトル',
      type: '種類',
      objective: '目的',
      lead: '主担当',
      dates: '期間',
      cost: '費用',
      funding: '資金',
      indicators: '指標',
    },
  },
};
