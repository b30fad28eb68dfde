import type { InstitutionKind } from '../../../shared/roles';
import { yangzhouDistricts } from './types';

/**
 * What the demo's review and award history is made of: criteria, how strong each bid is, what
 * the experts wrote, and the words of officials, publishers and objectors. The steps that play
 * it through the services are in ../reviews.ts; who bids on what comes from the challenge step.
 */

/** Which comment bank and score scale a criterion uses. */
export type CriterionKind = 'route' | 'indicators' | 'team' | 'cost' | 'prospect';

export interface SeedCriterion {
  readonly kind: CriterionKind;
  readonly name: string;
  readonly description: string;
  /** Percent; a challenge's weights sum to 100. */
  readonly weight: number;
}

/** The usual five, as the bureau's review rules (评审细则) put them. */
export const standardCriteria: readonly SeedCriterion[] = [
  { kind: 'route', name: '技术方案可行性', weight: 30, description: '技术路线是否清晰、先进，关键难点的解决思路是否可信，风险预案是否充分' },
  { kind: 'indicators', name: '指标响应程度', weight: 25, description: '是否逐项响应榜单技术指标，承诺值与验证方式是否达到榜单要求' },
  { kind: 'team', name: '团队能力与基础', weight: 20, description: '团队在相关方向的研究积累、代表性成果、人员结构及工程化经验' },
  { kind: 'cost', name: '报价与进度合理性', weight: 15, description: '报价与工作量是否匹配，里程碑节点与付款比例安排是否合理' },
  { kind: 'prospect', name: '产业化前景', weight: 10, description: '成果在发榜企业落地应用和推广的可能性' },
];

/** A catalyst project: scale-up weighs as much as the research record. */
export const catalystCriteria: readonly SeedCriterion[] = [
  { kind: 'route', name: '催化剂技术路线可行性', weight: 30, description: '失活机理分析是否到位，载体、助剂与制备工艺的改进思路是否可信' },
  { kind: 'indicators', name: '指标响应程度', weight: 25, description: '单周期寿命、转化率、选择性及产品质量指标的承诺值与验证方式' },
  { kind: 'team', name: '团队能力与放大基础', weight: 20, description: '铜基催化剂研究积累，催化剂放大制备及侧线试验经验' },
  { kind: 'cost', name: '报价与进度合理性', weight: 15, description: '报价与工作量是否匹配，侧线试验与工业应用节点安排是否合理' },
  { kind: 'prospect', name: '产业化前景', weight: 10, description: '成果在企业现有装置上应用及推广的可能性' },
];

/** A software model: four criteria, accuracy weighted heavily. */
export const modelCriteria: readonly SeedCriterion[] = [
  { kind: 'route', name: '模型技术路线与可行性', weight: 35, description: '特征工程、模型结构与在线部署方案是否合理，对小样本和工况变化是否有对策' },
  { kind: 'indicators', name: '预测精度指标响应', weight: 30, description: '预测误差、换刀提前量等指标的承诺值与现场验证方式' },
  { kind: 'team', name: '团队数据与工程基础', weight: 20, description: '加工数据积累、同类模型的现场应用经历与软件工程能力' },
  { kind: 'cost', name: '报价与进度合理性', weight: 15, description: '报价与工作量是否匹配，现场部署与验证节点安排是否合理' },
];

/** How good a bid is, which sets its scores and the tone of the comments. */
export type BidTier = 'strong' | 'good' | 'fair';

/** Score (0–10) the first expert on a panel gives for each kind of criterion. */
export const baseScores: Readonly<Record<BidTier, Readonly<Record<CriterionKind, number>>>> = {
  strong: { route: 9, indicators: 8, team: 9, cost: 8, prospect: 8 },
  good: { route: 7, indicators: 7, team: 7, cost: 8, prospect: 7 },
  fair: { route: 6, indicators: 5, team: 5, cost: 7, prospect: 6 },
};

/** Experts differ: the second and third on a panel judge a little differently from the first. */
export const panelOffsets: readonly Readonly<Record<CriterionKind, number>>[] = [
  { route: 0, indicators: 0, team: 0, cost: 0, prospect: 0 },
  { route: 1, indicators: -1, team: 0, cost: 0, prospect: 1 },
  { route: -1, indicators: 0, team: 1, cost: -1, prospect: 0 },
];

/**
 * Comments, one per panel position. Placeholders: {ind} an indicator of the challenge, {n} how
 * many indicators it has, {field} a research field of the team, {quote} the quoted price in
 * 万元, {pct} the quote as a percentage of the bounty, {months} the proposed duration.
 */
export const commentBank: Readonly<Record<CriterionKind, Readonly<Record<BidTier, readonly [string, string, string]>>>> = {
  route: {
    strong: [
      '技术路线清晰，分阶段目标明确，对影响“{ind}”的主控因素分析到位，中试放大环节有可操作的实施方案。',
      '方案紧扣榜单核心难点，机理研究与工艺验证衔接紧密，风险点识别较充分，总体可行。',
      '技术路线成熟度较高，已有前期实验数据支撑；建议第二阶段增加企业现场工况下的对比验证。',
    ],
    good: [
      '技术路线总体可行，但对“{ind}”的机理分析偏概括，建议补充关键工艺窗口的实验设计。',
      '方案结构完整，但小试到中试的放大判据不够明确，需进一步细化。',
      '思路合理，但风险预案较薄弱，未说明主路线不达预期时的替代方案。',
    ],
    fair: [
      '方案与榜单核心难点结合不够紧密，对“{ind}”如何达标缺少针对性的技术措施。',
      '技术路线以通用方法为主，未体现对企业工况的理解，可行性论证不足。',
      '关键工艺参数的优化思路不明确，阶段目标难以考核，建议重新梳理技术路线。',
    ],
  },
  indicators: {
    strong: [
      '对全部{n}项技术指标逐项响应，承诺值均达到榜单要求，验证方式与榜单一致。',
      '指标响应完整，“{ind}”的实现路径论证充分，达标把握较大。',
      '逐项给出实现路径和自测方案，并承诺送第三方检测，响应规范。',
    ],
    good: [
      '各项指标均有承诺值，但“{ind}”的实现路径论证偏弱，达标存在一定风险。',
      '指标响应基本完整，部分指标的验证条件与榜单表述不一致，签约前需澄清。',
      '主要指标响应到位，“{ind}”建议补充前期小样数据以增强说服力。',
    ],
    fair: [
      '指标响应较笼统，“{ind}”仅给出承诺值，未说明实现手段。',
      '部分指标的验证方式与榜单不一致，验收时难以考核。',
      '对关键指标的理解存在偏差，建议对照榜单逐项重新响应。',
    ],
  },
  team: {
    strong: [
      '团队在{field}方向积累深厚，代表性成果与本榜单高度相关，人员结构合理。',
      '负责人有承担同类产学研项目的经验，骨干成员分工明确，具备完成任务的能力。',
      '团队研究基础扎实，实验条件完备，可保障项目按期推进。',
    ],
    good: [
      '团队在{field}方向有一定基础，但工程化和中试放大经验相对不足。',
      '研究基础与榜单方向部分相关，建议补充具有产线调试经验的骨干成员。',
      '人员配置基本满足要求，负责人在研项目较多，投入精力需关注。',
    ],
    fair: [
      '团队主要研究方向为{field}，与本榜单所需专业背景匹配度不高。',
      '缺少与榜单方向直接相关的代表性成果，承担能力有待证明。',
      '团队规模偏小，关键岗位人员不足，难以支撑中试阶段工作。',
    ],
  },
  cost: {
    strong: [
      '报价{quote}万元，约为榜额的{pct}%，与工作量匹配，里程碑节点与付款比例安排合理。',
      '{months}个月的进度安排紧凑但可行，各节点交付物明确、便于考核。',
      '预算结构合理，设备与测试费用占比适当。',
    ],
    good: [
      '报价{quote}万元，约为榜额的{pct}%，总体合理，但第三方检测费用预算偏低。',
      '进度安排基本合理，中试阶段时间偏紧，建议预留调整余量。',
      '里程碑设置合理，首期付款比例可结合企业意见进一步协商。',
    ],
    fair: [
      '报价{quote}万元，约为榜额的{pct}%，但预算明细与技术方案的工作量对应关系不清晰。',
      '节点交付物描述较笼统，难以作为付款考核依据。',
      '进度安排未考虑样品制备和第三方检测周期，存在延期风险。',
    ],
  },
  prospect: {
    strong: [
      '成果以工艺包和检测规范形式交付，可直接在企业产线落地，推广价值较高。',
      '与企业现有装备和工艺衔接良好，产业化路径清晰。',
      '技术成果具备在同行业推广的条件，对产业链有带动作用。',
    ],
    good: [
      '具备产业化前景，但对量产成本和工艺稳定性的评估不足。',
      '成果转化路径基本清晰，建议明确知识产权归属与后续转化方式。',
      '有望在企业产线应用，需在中试阶段进一步验证长期稳定性。',
    ],
    fair: [
      '成果偏实验室研究，距产线应用仍有较大距离。',
      '未说明成果在企业的落地方式，产业化前景不明朗。',
      '对量产条件下的工艺适应性考虑不足。',
    ],
  },
};

/** For software challenges (data models, industrial software): the same criteria in software terms. */
export const softwareCommentBank: Readonly<Record<CriterionKind, Readonly<Record<BidTier, readonly [string, string, string]>>>> = {
  route: {
    strong: [
      '特征工程与模型结构设计合理，融合主轴功率、振动与加工参数等多源数据，对“{ind}”的提升路径清晰，在线部署方案可行。',
      '方案兼顾机理模型与数据驱动方法，对小样本和工况切换有针对性对策，总体可行。',
      '技术路线成熟，已有同类产线的验证数据；建议补充模型漂移监测与定期再训练机制。',
    ],
    good: [
      '技术路线总体可行，但“{ind}”的提升主要依赖数据量，缺少小样本条件下的对策。',
      '模型方案完整，但边缘侧部署的算力与实时性评估不够具体。',
      '思路合理，但未说明刀具品牌、工件材料变化时模型的迁移方法。',
    ],
    fair: [
      '方案以通用机器学习流程为主，未结合企业加工工况，针对性不足。',
      '数据采集与标注方案不明确，模型训练所需样本如何获取缺少说明。',
      '对“{ind}”如何达标缺少可验证的技术措施，建议重新梳理技术路线。',
    ],
  },
  indicators: {
    strong: [
      '对全部{n}项指标逐项响应，承诺值均达到榜单要求，并给出用现场留出数据验证的方案。',
      '“{ind}”的实现路径论证充分，已有离线数据的初步结果支撑。',
      '指标响应规范，验证方式与榜单一致，可在企业产线直接考核。',
    ],
    good: [
      '各项指标均有承诺值，但“{ind}”的验证样本量偏小，达标存在一定风险。',
      '指标响应基本完整，部分指标的统计口径与榜单表述不一致，签约前需澄清。',
      '主要指标响应到位，建议补充“{ind}”在不同工况下的分项结果。',
    ],
    fair: [
      '指标响应较笼统，“{ind}”仅给出承诺值，未说明验证数据来源。',
      '部分指标的验证方式与榜单不一致，验收时难以考核。',
      '对关键指标的理解存在偏差，建议对照榜单逐项重新响应。',
    ],
  },
  team: {
    strong: [
      '团队在{field}方向积累深厚，具备多品牌数控系统的加工数据和现场部署经验。',
      '负责人有承担同类工业软件项目的经验，算法与软件工程人员配置合理。',
      '团队数据基础扎实，具备与企业系统对接和长期运维的能力。',
    ],
    good: [
      '团队在{field}方向有一定基础，但工业现场部署经验相对不足。',
      '算法能力较强，建议补充具有数控系统接口开发经验的工程人员。',
      '人员配置基本满足要求，负责人在研项目较多，投入精力需关注。',
    ],
    fair: [
      '团队主要研究方向为{field}，与本榜单所需的数据建模背景匹配度不高。',
      '缺少工业数据建模方面的代表性成果，承担能力有待证明。',
      '团队规模偏小，软件开发与现场部署人员不足。',
    ],
  },
  cost: {
    strong: [
      '报价{quote}万元，约为榜额的{pct}%，与工作量匹配，各阶段交付物与付款比例安排合理。',
      '{months}个月的进度安排紧凑但可行，模型迭代与现场验证节点明确。',
      '预算结构合理，数据采集硬件与现场测试费用占比适当。',
    ],
    good: [
      '报价{quote}万元，约为榜额的{pct}%，总体合理，但现场部署与运维费用预算偏低。',
      '进度安排基本合理，现场验证阶段时间偏紧，建议预留调整余量。',
      '里程碑设置合理，首期付款比例可结合企业意见进一步协商。',
    ],
    fair: [
      '报价{quote}万元，约为榜额的{pct}%，但预算明细与开发工作量对应关系不清晰。',
      '节点交付物描述较笼统，难以作为付款考核依据。',
      '进度安排未考虑数据采集与标注周期，存在延期风险。',
    ],
  },
  prospect: {
    strong: ['模型可嵌入企业现有数据采集网关和MES系统，推广价值较高。', '与企业产品线衔接良好，可形成软件产品对外推广。', '成果具备在同行业推广的条件。'],
    good: ['具备应用前景，但对不同机床型号的适配成本评估不足。', '转化路径基本清晰，建议明确软件著作权归属。', '有望在企业产线应用，需验证长期运行的稳定性。'],
    fair: ['成果偏离线分析，距产线实时应用仍有距离。', '未说明成果在企业的落地方式。', '对现场数据质量问题考虑不足。'],
  },
};

/** Which comments the expert lets the team read: about half, alternating by panel position. */
export const shareable = (panelPosition: number, criterionIndex: number) => (panelPosition + criterionIndex) % 2 === 0;

const institutionKindLabels: Record<InstitutionKind, string> = { university: '高校', institute: '科研院所', company: '企业' };

/** 形式审查 against the challenge's bidder requirements; null when the bid passes. */
export function ineligibilityReason(
  team: { name: string; institutionKind: InstitutionKind | null; district: string | null },
  challenge: { allowedInstitutionKinds: readonly string[]; allowedRegions: readonly string[] },
): string | null {
  const kinds = challenge.allowedInstitutionKinds;
  if (team.institutionKind && kinds.length > 0 && !kinds.includes(team.institutionKind)) {
    const allowed = kinds.map((k) => institutionKindLabels[k as InstitutionKind] ?? k).join('、');
    return `申报单位“${team.name}”属${institutionKindLabels[team.institutionKind]}，本榜单揭榜方限${allowed}，不符合申报主体要求。`;
  }
  const province = provinceOf(team.district);
  if (province && challenge.allowedRegions.length > 0 && !challenge.allowedRegions.includes(province)) {
    return `申报单位所在地为${province}${team.district}，本榜单揭榜方限${challenge.allowedRegions.join('、')}范围内单位，不符合地域要求。`;
  }
  return null;
}

const jiangsuCities = ['南京市', '无锡市', '徐州市', '常州市', '苏州市', '南通市', '连云港市', '淮安市', '盐城市', '扬州市', '镇江市', '泰州市', '宿迁市'];
const otherCities: Record<string, string> = { 宁波市: '浙江省', 杭州市: '浙江省', 合肥市: '安徽省', 上海市: '上海市' };

/** The province of a team's district or city, where the demo knows it. */
export function provinceOf(district: string | null): string | null {
  if (!district) return null;
  if ((yangzhouDistricts as readonly string[]).includes(district) || jiangsuCities.includes(district)) return '江苏省';
  return otherCities[district] ?? null;
}

/** The words of the people in the demo's review and award stories, by challenge key. */
export const reviewTexts = {
  /** 非DEHP PVC: an expert withdraws after assignment (回避) for a tie the pool did not record. */
  yikangRecusal:
    '本人所在检验院近两年为该课题组的医用导管材料项目提供过委托检测，并与课题组负责人合作发表论文，依规申请回避。',

  /** 刀具磨损: a losing team objects, and the objection is dismissed. */
  shuzhiObjection:
    '我团队对评审结果有异议：我方在多品牌数控系统加工数据采集和刀具磨损现场验证方面积累较多，但“团队数据与工程基础”一项得分明显偏低，请求复核评分过程。',
  shuzhiDismissal:
    '经核查，三位评审专家均无回避情形，评分依据事先公布的评审标准独立给出，程序合规；异议所述数据积累情况已在评审中予以考虑。异议不成立，维持原结果。',

  /** 草酸二甲酯加氢: the first proposal departs from the ranking for thin reasons and is declined. */
  changheFirstReason: '排名第二的团队报价较低，且承诺在扬州设立中试基地，便于后续合作。',
  changheDecline:
    '偏离专家评审排名的理由以报价和落地便利为主，未涉及技术方案本身，理由不充分。请依据评审排名重新提出建议；如拟采用赛马制，请说明各团队技术路线的差异。',
  /** 真空泄漏检测 and 电芯快速分选: horse races funded from the start, several teams on separate routes. */
  horseRaceReason:
    '本榜单按赛马制发布，公司按评审排名同时支持多支团队从不同技术路线攻关，各团队独立签约、分别考核。',
  changheHorseRace:
    '经公司董事会研究，追加配套资金，采用赛马制同时支持评审排名前两位的团队：两支团队分别从铜基催化剂载体与助剂改性、原料气微量杂质深度脱除两条路线攻关，18个月节点考核后择优继续支持。',

  /** PEEK预浸带: an upheld objection revokes the award; the next team is proposed and objected to in turn. */
  tuoxinUpheldObjection:
    '拟确定揭榜团队申报书中作为研究基础列出的“航空级连续碳纤维/PEEK预浸带中试线”项目，经查由其他单位主持，该团队仅为参与单位；申报材料对项目承担主体的表述与事实不符，请求核查。',
  tuoxinUpheld:
    '经向项目主管部门函询核实，申报书所列代表性项目的承担主体表述与事实不符，影响“团队能力与基础”一项的评审。异议成立，撤销本次揭榜方确定结果，请发榜企业依据评审排名重新提出建议。',
  tuoxinSecondReason:
    '原确定的揭榜方经异议核查被撤销。企业与其余团队进行了补充技术交流并复核了中试线运行数据，建议由评审排名第二的团队揭榜。',
  tuoxinOpenObjection:
    '我团队对撤销决定及重新确定的揭榜方有异议：我方已补充提交项目合作协议和任务分工证明，证明我方在上述中试线项目中承担了工艺开发的核心工作；同时新拟定团队在连续纤维预浸工艺方面缺少代表性业绩，请求一并复核。',
} as const;
