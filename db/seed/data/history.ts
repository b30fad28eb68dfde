import type { IndustryCode } from '../../../shared/taxonomy/industries';

/**
 * The shape of the bureau's two years of history (../history.ts): how many deals, when, and
 * how needs drop out on the way, with the words officials, enterprises and teams wrote at each
 * step. The rates follow DOMAIN.md ("Numbers seen in practice"): about one need in ten is
 * rejected at vetting, one published challenge in six or seven draws no bidder (流榜), and
 * many closed ones end without a team the enterprise will appoint.
 */

/** Deals (signed contracts) a year the history is drawn to, live deals included: a near miss of the target of 50. */
export const dealsPerYear = 46;

/**
 * Share of a year's deals signed in each calendar month (January first): busy in spring and
 * autumn and before the year-end report, a dip around Spring Festival (January–February).
 */
export const monthlyDealShare = [0.05, 0.03, 0.08, 0.1, 0.1, 0.09, 0.07, 0.06, 0.1, 0.1, 0.11, 0.11] as const;

export const funnel = {
  /** Of the challenges with bids, the share that end with a final award (the rest: no team appointed). */
  awardedOfBidOn: 0.62,
  /** Of the published, the share with at least one bid (the rest: 流榜). */
  bidOnOfPublished: 0.85,
  /** Of the submitted needs, the share published; of the others most are rejected, a few withdrawn after rework. */
  publishedOfSubmitted: 0.87,
  rejectedOfSubmitted: 0.1,
  /** 赛马: awards to two teams, both signed. */
  horseRaces: 2,
  /** Final awards whose contract was never signed (terminated while drafted). */
  unsignedAwards: 3,
} as const;

/** Days: a new list every two months or so; the most recent history batch about ten weeks before today. */
export const batchCadence = { newestDaysAgo: 70, everyDays: 61, clearOfLiveBatchDays: 21 } as const;

/** Weighted choices: [value, weight]. */
export type Weighted<T> = readonly (readonly [T, number])[];

export const bidsPerChallenge: Weighted<number> = [[1, 20], [2, 30], [3, 25], [4, 15], [5, 10]];
export const bountyWan: Weighted<number> = [[30, 4], [50, 8], [80, 10], [100, 14], [120, 8], [150, 12], [200, 12], [250, 8], [300, 9], [400, 6], [500, 5], [600, 3], [800, 1]];
/** Subsidy requested as a share of the bounty; at most a third, so the co-funding rule holds whoever leads. */
export const subsidyShare: Weighted<number> = [[0, 30], [0.2, 25], [0.25, 15], [0.3, 20], [1 / 3, 10]];
export const deliveryMonths: Weighted<number> = [[12, 35], [15, 20], [18, 25], [24, 15], [30, 5]];
/** Paid at signing, as a share of the amount (one scheme pays 60 % up front). */
export const firstTrancheShare: Weighted<number> = [[0, 20], [0.2, 40], [0.3, 30], [0.6, 10]];
export const grades: Weighted<'excellent' | 'good' | 'pass' | 'fail'> = [['excellent', 30], ['good', 50], ['pass', 17], ['fail', 3]];
export const ipTermsChoice: Weighted<'joint' | 'enterprise_owns' | 'team_owns_with_licence'> = [['joint', 50], ['enterprise_owns', 35], ['team_owns_with_licence', 15]];

/** Shares of the registered deals that are not registered yet, beyond those signed in the last weeks. */
export const unregisteredShare = 0.12;
export const brokeredShare = 0.4;
/** History milestones left overdue on running contracts (the live seed adds its own). */
export const overdueMilestones = { min: 3, max: 6 } as const;

/**
 * Who brokered deals (技术经理人): licensed technology managers of the city's transfer
 * centres, and the two officials, who broker as part of their job (their accounts are linked).
 */
export const brokers: readonly { name: string; weight: number; official?: string }[] = [
  { name: '扬州市技术转移中心 王海燕', weight: 30 },
  { name: '江苏省技术产权交易市场扬州分市场 孙立群', weight: 15 },
  { name: '扬州大学技术转移中心 韩冬梅', weight: 15 },
  { name: '扬州市生产力促进中心 刘建军', weight: 15 },
  { name: '唐文斌', weight: 10, official: '唐文斌' },
  { name: '薛雨桐', weight: 10, official: '薛雨桐' },
];

/** The registration office's district codes (技术合同登记), by the publisher's district. */
export const divisionCodes: Readonly<Record<string, string>> = {
  广陵区: '321002',
  邗江区: '321003',
  江都区: '321012',
  宝应县: '321023',
  仪征市: '321081',
  高邮市: '321084',
  扬州经济技术开发区: '321091',
  生态科技新城: '321000',
};

export const industryText: Readonly<Record<IndustryCode, { difficulty: readonly string[]; resources: readonly string[] }>> = {
  new_energy: {
    difficulty: ['技术难点在于兼顾性能提升与制造一致性，方案须兼容现有产线工序，不能明显增加单位成本', '难点在于材料、工艺与系统控制相互耦合，实验室结果放大到量产规模后往往难以复现'],
    resources: ['公司可提供中试线、原材料样品和充放电测试设备，并安排工艺工程师全程配合', '公司可提供量产线试验窗口、近两年的生产与运行数据（脱敏后提供）以及检测中心的测试条件'],
  },
  new_materials: {
    difficulty: ['难点在于配方、工艺与服役性能之间的平衡，改性后往往顾此失彼，且须适应现有生产设备', '技术难点在于界面结构的调控和批次稳定性，小试性能难以在工业化生产中保持'],
    resources: ['公司可提供中试设备、原材料和制样条件，以及客户现场的挂板或装机验证机会', '公司检测中心可提供常规力学、老化和盐雾测试，并安排技术人员配合试制'],
  },
  biomedicine: {
    difficulty: ['难点在于工艺变更须满足药品注册的可比性要求，质量属性不能出现显著变化', '技术难点在于放大规模下关键质量属性的控制，以及分析方法的开发与验证'],
    resources: ['公司可提供GMP中试车间的试验批次、分析检测平台和细胞株等物料，并安排工艺与质量人员配合', '公司可提供2000L生产线的历史批记录（脱敏后提供）和工艺开发实验室'],
  },
  intelligent_manufacturing: {
    difficulty: ['难点在于现场工况复杂多变（烟尘、弧光、装配误差），实验室算法在产线上的鲁棒性不足', '技术难点在于感知、规划与控制的实时协同，且须兼容客户现有设备和软件'],
    resources: ['公司可提供机器人工作站、典型工件和客户现场试验机会，并安排应用工程师配合', '公司可提供产线数据、设备接口文档和调试场地'],
  },
  semiconductor_optoelectronics: {
    difficulty: ['技术难点在于可靠性失效机理复杂，工艺改动须通过完整的可靠性考核才能导入量产', '难点在于器件性能、可靠性与成本之间的权衡，且须兼容现有工艺平台'],
    resources: ['公司可提供封装测试线、可靠性试验设备和芯片样品，并安排工艺工程师配合', '公司可提供样品、测试平台和客户的应用工况数据'],
  },
  hydrogen: {
    difficulty: ['难点在于长周期运行下材料衰减和系统匹配问题，短期试验难以充分暴露', '技术难点在于宽负荷、频繁启停工况下的安全性与效率兼顾'],
    resources: ['公司可提供试验台架、电解槽样机和风光制氢示范项目的运行数据', '公司可提供装配车间、测试台架和示范项目现场验证条件'],
  },
  modern_coal_chemicals: {
    difficulty: ['难点在于工业装置条件苛刻、连续运行，任何改动须保证安全稳定且不影响产品质量', '技术难点在于微量杂质的生成机理和迁移规律尚不清楚，分析方法灵敏度不足'],
    resources: ['公司可提供侧线试验装置、工艺数据和分析化验条件，并安排工艺工程师配合', '公司可提供装置历史运行数据和侧线试验位置'],
  },
  equipment_manufacturing: {
    difficulty: ['难点在于大型装备结构、驱动与控制耦合，仿真模型须经实测标定才能指导设计', '技术难点在于重载、高速工况下的动态精度保持，且改造须兼容已交付设备'],
    resources: ['公司可提供样机、试验车间和客户现场的运行数据，并安排设计与调试人员配合', '公司可提供装配试验台和典型客户的冲压线试验窗口'],
  },
  automotive: {
    difficulty: ['难点在于材料、模具与工艺参数相互影响，须满足整车厂的质量体系和认证要求', '技术难点在于大件生产节拍快、工艺窗口窄，缺陷产生机理复杂'],
    resources: ['公司可提供压铸岛试验窗口、模具和检测设备（X光、三坐标、拉伸试验机）', '公司可提供生产数据、试制条件和整车厂的验证资源'],
  },
  information_technology: {
    difficulty: ['难点在于客户现场设备和数据差异大，模型须在少量数据下快速适配并保证可解释性', '技术难点在于工业现场对实时性和可靠性的要求，且须兼容现有平台架构'],
    resources: ['公司可提供平台接口、脱敏的客户现场数据和试点企业，并安排研发工程师配合', '公司可提供测试环境和三家签约客户的试点现场'],
  },
  medical_devices: {
    difficulty: ['难点在于材料与工艺改动须满足生物相容性和注册检验要求，验证周期长', '技术难点在于产品性能提升的同时须满足医疗器械质量管理体系和注册变更要求'],
    resources: ['公司可提供洁净车间试制条件、样品和检测设备，并安排注册与质量人员配合', '公司可提供样机、合作医院的临床使用反馈和注册检验资源'],
  },
  energy_saving: {
    difficulty: ['难点在于废水废气成分复杂、水质波动大，工艺须在长期运行中保持稳定且运行成本可接受', '技术难点在于处理效果、能耗与二次污染之间的平衡'],
    resources: ['公司可提供中试装置、运营项目现场和水质检测条件，并安排运营人员配合', '公司可提供在运项目的运行数据和现场中试场地'],
  },
};

export const indicatorVerifications = [
  '由具备CMA/CNAS资质的第三方检测机构出具检测报告',
  '在公司产线或客户现场连续运行不少于3个月，由双方共同统计确认',
  '按双方认可的试验方案现场测试，由验收专家组见证',
  '以公司质量部门出具的批次检验记录为准，连续3批次达标',
] as const;

export const rejectionReasons = [
  '需求描述较为笼统，未给出可量化、可考核的技术指标，建议补充后重新提交。',
  '所提需求属于常规设备采购和技术改造，不属于关键核心技术攻关，不宜列入揭榜榜单。',
  '榜额与研发内容明显不匹配，企业自筹资金承诺不足。',
  '该需求与本年度已发布榜单项目内容高度重复，建议与相关企业联合发榜。',
  '技术路线已较为成熟，企业可通过委托开发解决，不宜以揭榜挂帅方式组织。',
] as const;

export const reworkComments = [
  '请将“显著提升”“明显改善”等表述改为可考核的量化指标，并说明检测方法。',
  '请补充企业自筹资金的来源说明和现有研究基础，细化交付内容。',
] as const;

export const ineligibilityReasons = {
  kind: '牵头单位为企业，不符合本榜“限高校、科研院所牵头申报”的要求。',
  other: [
    '申报书未按要求对各项技术指标逐项作出响应。',
    '预算编制不符合要求：设备购置费超过申报经费的40%。',
    '未提供依托单位盖章的诚信承诺书。',
  ],
} as const;

export const declineReasons = [
  '经专家评审，拟确定团队对核心指标的承诺值低于榜单要求，不予确认；经与企业沟通，本榜不再确定揭榜方。',
  '拟确定团队的报价和实施周期与企业需求差距较大，双方未能达成一致，本榜不再确定揭榜方。',
] as const;

export const terminationTexts = {
  excused: [
    '团队按约定开展研究并如实报告，中期专家论证认为所选技术路线在量产条件下无法达到核心指标，经双方协商一致终止合同，按容错免责处理。',
    '企业产线调整导致验证条件不再具备，经甲乙双方协商一致终止合同，已拨经费按实际发生结算，按容错免责处理。',
  ],
  penalised: '第一节点逾期一个多月仍未提交任何材料，经多次督办未说明情况，已拨经费的使用情况无法说明。依据合同约定终止，记入科研诚信记录。',
  unsigned: [
    '双方未能就知识产权归属和后续转化收益分配达成一致，经协商终止签约。',
    '企业因产品路线调整暂停该项目，经双方协商终止签约。',
  ],
} as const;

/** Milestone plans a proposal may follow: [title, deliverable] per stage, with the shares (%) of the milestone tranches. */
export const milestonePlans: readonly { stages: readonly (readonly [string, string])[]; shares: readonly number[] }[] = [
  {
    stages: [
      ['技术方案设计与机理研究', '技术方案与机理研究报告'],
      ['关键技术攻关与小试验证', '小试样品及第三方检测报告'],
      ['中试放大与现场验证', '中试验证报告与工艺包'],
    ],
    shares: [30, 30, 40],
  },
  {
    stages: [
      ['方案论证与关键参数确定', '方案论证报告'],
      ['样机（样品）研制与性能测试', '样机（样品）及性能测试报告'],
      ['现场应用验证与验收准备', '现场应用报告与验收材料'],
    ],
    shares: [20, 40, 40],
  },
  {
    stages: [
      ['需求分析与技术方案设计', '技术方案设计报告'],
      ['核心技术开发', '阶段性技术报告与实验数据'],
      ['小批量试制与检测', '试制样品及检测报告'],
      ['产线导入与验收', '产线导入报告与技术规范'],
    ],
    shares: [20, 20, 30, 30],
  },
];

export const evidenceTemplates = [
  '{stage}已完成，提交{deliverable}。{indicator}的阶段测试结果已达到任务书约定的节点要求。',
  '按任务书完成{stage}，附{deliverable}；企业技术人员参与了全部现场试验并签字确认。',
  '{stage}工作完成，{deliverable}已提交企业审阅，{indicator}的测试数据随附。',
] as const;

export const gradeText = {
  excellent: ['全部达到并部分优于合同约定', '优秀'],
  good: ['均达到合同约定', '良好'],
  pass: ['基本达到合同约定，个别指标在复测后达标', '合格'],
  fail: ['未达到合同约定', '不合格'],
} as const;

export const extensionReason = '企业产线改造，现场验证窗口推迟约三个月，申请将本节点顺延。';
