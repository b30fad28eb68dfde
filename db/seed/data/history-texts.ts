import type { BidContent } from '../../../shared/contracts/bids';
import type { Indicator } from '../../../shared/contracts/challenges';
import { industries, type IndustryCode } from '../../../shared/taxonomy/industries';
import { evidenceTemplates, gradeText, indicatorVerifications, industryText, milestonePlans } from './history';
import type { HistoryTopic } from './history-topics';

/**
 * How a history need, proposal, milestone report and acceptance report read: the enterprise's
 * own words (its description and the topic's problem) framed the way the bureau's forms ask
 * for them. `variant` picks among equivalent phrasings, so the same inputs give the same text.
 */

const numerals = ['一', '二', '三', '四', '五'];

/** '≥ 85' + '%' → '≥85%': how an indicator is quoted in running text. */
const quote = (i: { name: string; targetValue: string; unit: string }) => `${i.name}${i.targetValue.replace(/\s+/g, '')}${i.unit}`;

export function topicIndicators(topic: HistoryTopic, variant: number): Indicator[] {
  return topic.indicators.map(([name, targetValue, unit], i) => ({
    name,
    targetValue,
    unit,
    verification: indicatorVerifications[(variant + i) % indicatorVerifications.length]!,
  }));
}

export function needTexts(o: {
  topic: HistoryTopic;
  industry: IndustryCode;
  enterpriseDescription: string;
  indicators: readonly Indicator[];
  deliveryMonths: number;
  academicOnly: boolean;
  variant: number;
}): { summary: string; description: string; requirementsText: string } {
  const { topic, indicators, variant } = o;
  const first = quote(indicators[0]!);
  const summary =
    variant % 2 === 0
      ? `${topic.pain}。本榜寻求可在企业落地的解决方案，核心指标为${first}。`
      : `${topic.pain}，希望通过揭榜合作攻关，使${first}，并在${o.deliveryMonths}个月内完成验证。`;
  const words = industryText[o.industry];
  const background = `${o.enterpriseDescription.split('。')[0]}。`;
  const description = [
    background,
    `${topic.pain}。${words.difficulty[variant % words.difficulty.length]}。`,
    `希望揭榜团队针对上述问题提出完整的技术方案，在${o.deliveryMonths}个月内完成研发与验证，达到以下指标：${indicators.map(quote).join('；')}。`,
    `${words.resources[(variant >> 1) % words.resources.length]}。`,
  ].join('\n\n');
  const field = industries.find((i) => i.code === o.industry)!.zh;
  const requirementsText = `牵头单位应在${field}领域具有研究基础，近五年承担过省部级以上科研项目，具备开展小试验证的条件。${o.academicOnly ? '本榜限高校、科研院所牵头申报。' : ''}`;
  return { summary, description, requirementsText };
}

/** Due months of a plan's stages, evenly over the project (12 months or more), the last at its end. */
export function stageMonths(stages: number, months: number): number[] {
  return Array.from({ length: stages }, (_, i) => Math.round((months * (i + 1)) / stages));
}

export function proposal(o: {
  title: string;
  indicators: readonly Indicator[];
  team: { name: string; researchFields: readonly string[]; members: readonly { name: string; title: string }[] };
  quotedPriceYuan: number;
  deliveryMonths: number;
  plan: (typeof milestonePlans)[number];
  variant: number;
}): BidContent {
  const fields = o.team.researchFields.length ? o.team.researchFields : ['相关方向'];
  const due = stageMonths(o.plan.stages.length, o.deliveryMonths);
  const opening =
    o.variant % 2 === 0
      ? `依托${o.team.name}在${fields.slice(0, 3).join('、')}等方向的研究积累，针对“${o.title}”的核心难点`
      : `本团队长期从事${fields.slice(0, 2).join('和')}研究，已有相近工况的工程化经验，针对“${o.title}”`;
  return {
    technicalRoute: `${opening}，拟分${numerals[o.plan.stages.length - 1]}个阶段推进：${o.plan.stages.map(([t], i) => `第${numerals[i]}阶段${t}`).join('；')}。各阶段成果均在企业提供的样品与工况下验证。`,
    indicatorResponses: o.indicators.map((ind, i) => ({
      indicatorIndex: i,
      approach: `结合${fields[(i + o.variant) % fields.length]}方面的方法，建立${ind.name}的表征与优化流程，按“${ind.verification}”的方式自测后送检。`,
      committedValue: ind.targetValue,
    })),
    members: o.team.members.map((m, i) => ({ name: m.name, title: m.title || '研究人员', role: i === 0 ? ('lead' as const) : ('core' as const) })),
    partnerIds: [],
    quotedPriceYuan: o.quotedPriceYuan,
    durationMonths: o.deliveryMonths,
    milestones: o.plan.stages.map(([title, deliverable], i) => ({ title, deliverable, dueMonth: due[i]!, sharePercent: o.plan.shares[i]! })),
    attachments: [],
  };
}

export function evidenceText(o: { stage: string; deliverable: string; indicator: string; variant: number }): string {
  return evidenceTemplates[o.variant % evidenceTemplates.length]!.replaceAll('{stage}', o.stage).replaceAll('{deliverable}', o.deliverable).replaceAll('{indicator}', o.indicator);
}

export function acceptanceReport(grade: keyof typeof gradeText, criteria: number): string {
  const [met, label] = gradeText[grade];
  return `经验收专家组现场核查和资料审查，任务书约定的${criteria}项技术指标${met}。项目资料齐全，经费使用${grade === 'fail' ? '基本规范' : '规范'}，验收等级${label}。`;
}
