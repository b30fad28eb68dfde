import { z } from 'zod';
import type { Locale } from './roles';

/**
 * Every in-app notification and e-mail is one of these kinds. Rows store the kind and its
 * params (ids and names only), and each reader renders them in its own language, so one
 * notification reads right for a zh-CN and an en user alike.
 */
export const notificationKinds = [
  'organisation_registered',
  'organisation_verified',
  'organisation_rejected',
  'member_joined',
  'challenge_submitted',
  'challenge_approved',
  'challenge_rejected',
  'challenge_rework',
  'challenge_published',
  'challenge_closed',
  'challenge_unfilled',
  'challenge_terms_changed',
  'joint_publisher_invited',
  'question_asked',
  'question_answered',
  'bid_eligible',
  'bid_ineligible',
  'award_proposed',
  'award_in_notice',
  'award_final',
  'award_revoked',
  'award_declined',
  'objection_lodged',
  'objection_resolved',
  'bid_partner_invited',
  'review_assigned',
  'scores_complete',
  'bid_submitted',
  'bid_deadline_passed',
  'contract_drafted',
  'contract_signed',
  'contract_completed',
  'contract_terminated',
  'milestone_reminder',
  'milestone_overdue',
  'milestone_escalation',
  'milestone_submitted',
  'milestone_returned',
  'milestone_approved',
  'milestone_paid',
  'extension_requested',
  'extension_decided',
  'outcome_prompt',
  'match_invitation',
  'match_introduction',
] as const;
export const notificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKind>;

type Template = { title: string; body: string };
type Texts = Record<NotificationKind, Record<Locale, Template>>;

export const notificationTexts: Texts = {
  organisation_registered: {
    'zh-CN': { title: '新机构待审核：{organisation}', body: '{organisation} 已注册，请在“机构审核”中核验其资质。' },
    en: { title: 'New organisation to verify: {organisation}', body: '{organisation} has registered. Please verify it under Organisation verification.' },
  },
  organisation_verified: {
    'zh-CN': { title: '机构已通过审核', body: '{organisation} 已通过科技局审核，现在可以发榜或揭榜。' },
    en: { title: 'Organisation verified', body: '{organisation} has been verified by the bureau and may now publish challenges or bid.' },
  },
  organisation_rejected: {
    'zh-CN': { title: '机构审核未通过', body: '{organisation} 未通过审核。原因：{reason}。请修改后重新提交。' },
    en: { title: 'Organisation not verified', body: '{organisation} was not verified. Reason: {reason}. Please correct and resubmit.' },
  },
  member_joined: {
    'zh-CN': { title: '新成员加入', body: '{member} 已通过邀请加入 {organisation}。' },
    en: { title: 'New member joined', body: '{member} joined {organisation} by invitation.' },
  },
  challenge_submitted: {
    'zh-CN': { title: '新需求待审核：{challenge}', body: '{organisation} 提交了技术需求“{challenge}”，请在“需求审核”中论证。' },
    en: { title: 'Challenge to vet: {challenge}', body: '{organisation} submitted the challenge “{challenge}”. Please vet it.' },
  },
  challenge_approved: {
    'zh-CN': { title: '需求已通过审核', body: '“{challenge}”已通过科技局论证，将随下一批榜单发布。' },
    en: { title: 'Challenge approved', body: '“{challenge}” was approved and will be published with the next batch.' },
  },
  challenge_rejected: {
    'zh-CN': { title: '需求未通过审核', body: '“{challenge}”未通过论证。原因：{reason}' },
    en: { title: 'Challenge rejected', body: '“{challenge}” was rejected. Reason: {reason}' },
  },
  challenge_rework: {
    'zh-CN': { title: '需求需二次诊断', body: '“{challenge}”需要修改后重新提交。意见：{comments}' },
    en: { title: 'Challenge sent back for rework', body: '“{challenge}” needs changes before resubmission. Comments: {comments}' },
  },
  challenge_published: {
    'zh-CN': { title: '需求已发榜', body: '“{challenge}”已在{batch}中发布，揭榜截止时间 {deadline}。' },
    en: { title: 'Challenge published', body: '“{challenge}” was published in {batch}; applications close {deadline}.' },
  },
  challenge_closed: {
    'zh-CN': { title: '揭榜已截止', body: '“{challenge}”揭榜截止，共收到 {bids} 份揭榜申报。' },
    en: { title: 'Applications closed', body: 'Applications for “{challenge}” closed with {bids} bids.' },
  },
  challenge_unfilled: {
    'zh-CN': { title: '需求流榜', body: '“{challenge}”截止时未收到揭榜申报，已流榜。' },
    en: { title: 'Challenge unfilled', body: '“{challenge}” received no bid by the deadline and is unfilled.' },
  },
  challenge_terms_changed: {
    'zh-CN': { title: '榜单条款已变更，请重新确认', body: '“{challenge}”的条款已变更（原因：{reason}）。请在截止前重新确认您的揭榜申报，否则申报无效。' },
    en: { title: 'Challenge terms changed: re-confirm your bid', body: 'The terms of “{challenge}” changed (reason: {reason}). Re-confirm your bid before the deadline or it will be ineligible.' },
  },
  joint_publisher_invited: {
    'zh-CN': { title: '联合发榜邀请', body: '{organisation} 邀请贵单位联合发布“{challenge}”，请确认。' },
    en: { title: 'Invitation to publish jointly', body: '{organisation} invites you to publish “{challenge}” jointly. Please confirm.' },
  },
  question_asked: {
    'zh-CN': { title: '新的答疑问题', body: '有揭榜团队就“{challenge}”提出了问题，请及时答复。' },
    en: { title: 'New question', body: 'A team asked a question about “{challenge}”. Please answer it.' },
  },
  question_answered: {
    'zh-CN': { title: '您的问题已答复', body: '您就“{challenge}”提出的问题已有答复。' },
    en: { title: 'Your question was answered', body: 'Your question about “{challenge}” has been answered.' },
  },
  bid_eligible: {
    'zh-CN': { title: '形式审查通过', body: '您对“{challenge}”的揭榜申报已通过形式审查，进入专家评审。' },
    en: { title: 'Bid eligible', body: 'Your bid for “{challenge}” passed the eligibility check and goes to expert review.' },
  },
  bid_ineligible: {
    'zh-CN': { title: '形式审查未通过', body: '您对“{challenge}”的揭榜申报未通过形式审查。原因：{reason}' },
    en: { title: 'Bid not eligible', body: 'Your bid for “{challenge}” did not pass the eligibility check. Reason: {reason}' },
  },
  award_proposed: {
    'zh-CN': { title: '揭榜方建议待确认：{challenge}', body: '发榜方已就“{challenge}”提出揭榜方建议，请审核确认。' },
    en: { title: 'Award proposed: {challenge}', body: 'The publisher proposed the winner of “{challenge}”. Please confirm it.' },
  },
  award_in_notice: {
    'zh-CN': { title: '揭榜结果公示', body: '“{challenge}”的揭榜结果已进入公示，公示期至 {until}。' },
    en: { title: 'Award in public notice', body: 'The award of “{challenge}” is in public notice until {until}.' },
  },
  award_final: {
    'zh-CN': { title: '公示结束，揭榜结果生效', body: '“{challenge}”公示期满，揭榜结果已生效，可进入签约。' },
    en: { title: 'Notice ended: award final', body: 'The notice for “{challenge}” ended and the award is final; the contract can be drafted.' },
  },
  award_revoked: {
    'zh-CN': { title: '揭榜结果撤销', body: '“{challenge}”的揭榜结果因异议成立被撤销，重新进入评审。' },
    en: { title: 'Award revoked', body: 'The award of “{challenge}” was revoked after an objection was upheld; it goes back to review.' },
  },
  objection_lodged: {
    'zh-CN': { title: '公示期收到异议', body: '“{challenge}”的公示收到一条异议，请及时处理。' },
    en: { title: 'Objection lodged', body: 'An objection was lodged against the award of “{challenge}”. Please handle it.' },
  },
  objection_resolved: {
    'zh-CN': { title: '异议已处理', body: '您对“{challenge}”提出的异议已处理：{decision}。' },
    en: { title: 'Objection handled', body: 'Your objection to the award of “{challenge}” was handled: {decision}.' },
  },
  bid_partner_invited: {
    'zh-CN': { title: '联合揭榜邀请', body: '{organisation} 邀请贵单位作为合作单位联合揭榜“{challenge}”，请在截止前确认参与。' },
    en: { title: 'Invitation to bid jointly', body: '{organisation} names you as a partner in its bid for “{challenge}”. Please confirm before the deadline.' },
  },
  review_assigned: {
    'zh-CN': { title: '新的评审任务', body: '您被安排评审“{challenge}”的一份揭榜申报，请按评审指标打分。' },
    en: { title: 'New review assignment', body: 'You are assigned to review a bid for “{challenge}”. Please score it against the criteria.' },
  },
  award_declined: {
    'zh-CN': { title: '揭榜方建议被退回：{challenge}', body: '科技局退回了“{challenge}”的揭榜方建议，原因：{reason}。请根据排名重新提出建议。' },
    en: { title: 'Award proposal declined: {challenge}', body: 'The bureau declined the proposed award of “{challenge}”. Reason: {reason}. Please propose again from the ranking.' },
  },
  scores_complete: {
    'zh-CN': { title: '专家评分已完成：{challenge}', body: '“{challenge}”的全部评审专家已完成评分，排名已确定，发榜方可提出揭榜方建议。' },
    en: { title: 'Scoring complete: {challenge}', body: 'Every expert assigned to “{challenge}” has scored; the ranking is final and the publisher may propose the winner.' },
  },
  bid_submitted: {
    'zh-CN': { title: '揭榜申报已提交（第 {version} 版）', body: '您对“{challenge}”的揭榜申报第 {version} 版已提交。回执（SHA-256）：{sha256}。请妥善保存，可随时核验申报内容未被改动。' },
    en: { title: 'Bid submitted (version {version})', body: 'Version {version} of your bid on “{challenge}” was submitted. Receipt (SHA-256): {sha256}. Keep it to prove later that the bid was not changed.' },
  },
  contract_drafted: {
    'zh-CN': { title: '合同待签署：{challenge}', body: '“{challenge}”的揭榜结果已确定，技术合同已根据中榜申报起草，请贵单位授权人员核对并签署。' },
    en: { title: 'Contract to sign: {challenge}', body: 'The award of “{challenge}” is final and a contract was drafted from the winning bid. An authorised member of your organisation should review and sign it.' },
  },
  contract_signed: {
    'zh-CN': { title: '合同已生效：{challenge}', body: '“{challenge}”的技术合同已由各方签署生效，节点计划开始执行。' },
    en: { title: 'Contract in effect: {challenge}', body: 'Every party signed the contract for “{challenge}”; the milestone plan now runs.' },
  },
  contract_completed: {
    'zh-CN': { title: '合同已验收：{challenge}', body: '“{challenge}”的技术合同已通过验收，验收等级：{grade}。' },
    en: { title: 'Contract accepted: {challenge}', body: 'The contract for “{challenge}” passed acceptance with the grade {grade}.' },
  },
  contract_terminated: {
    'zh-CN': { title: '合同已终止：{challenge}', body: '“{challenge}”的技术合同已终止。原因：{reason}' },
    en: { title: 'Contract terminated: {challenge}', body: 'The contract for “{challenge}” was terminated. Reason: {reason}' },
  },
  milestone_reminder: {
    'zh-CN': { title: '节点将于 {days} 天后到期：{milestone}', body: '“{challenge}”的节点“{milestone}”将于 {due} 到期，请按时提交成果材料。' },
    en: { title: 'Milestone due in {days} days: {milestone}', body: 'The milestone “{milestone}” of “{challenge}” is due on {due}. Please submit the evidence in time.' },
  },
  milestone_overdue: {
    'zh-CN': { title: '节点已逾期：{milestone}', body: '“{challenge}”的节点“{milestone}”已于 {due} 到期，尚未通过审核。' },
    en: { title: 'Milestone overdue: {milestone}', body: 'The milestone “{milestone}” of “{challenge}” was due on {due} and has not been accepted.' },
  },
  milestone_escalation: {
    'zh-CN': { title: '节点逾期第 {weeks} 周：{milestone}', body: '“{challenge}”的节点“{milestone}”已逾期 {weeks} 周（到期日 {due}），请督办。' },
    en: { title: 'Milestone overdue for {weeks} week(s): {milestone}', body: 'The milestone “{milestone}” of “{challenge}” has been overdue for {weeks} week(s) (due {due}). Please follow up.' },
  },
  milestone_submitted: {
    'zh-CN': { title: '节点成果待审核：{milestone}', body: '揭榜团队已提交“{challenge}”节点“{milestone}”的成果材料，请审核。' },
    en: { title: 'Milestone evidence to review: {milestone}', body: 'The team submitted evidence for the milestone “{milestone}” of “{challenge}”. Please review it.' },
  },
  milestone_returned: {
    'zh-CN': { title: '节点成果被退回：{milestone}', body: '发榜方退回了“{challenge}”节点“{milestone}”的成果材料。意见：{comments}' },
    en: { title: 'Milestone evidence returned: {milestone}', body: 'The publisher returned the evidence for “{milestone}” of “{challenge}”. Comments: {comments}' },
  },
  milestone_approved: {
    'zh-CN': { title: '节点待确认拨付：{milestone}', body: '发榜方已通过“{challenge}”节点“{milestone}”的成果，请确认拨付。' },
    en: { title: 'Milestone to confirm for payment: {milestone}', body: 'The publisher accepted the milestone “{milestone}” of “{challenge}”. Please confirm the payment.' },
  },
  milestone_paid: {
    'zh-CN': { title: '节点资金已拨付：{milestone}', body: '“{challenge}”节点“{milestone}”已确认，拨付 {amount} 元。' },
    en: { title: 'Milestone paid: {milestone}', body: 'The milestone “{milestone}” of “{challenge}” was confirmed and {amount} yuan paid.' },
  },
  extension_requested: {
    'zh-CN': { title: '节点延期申请：{milestone}', body: '揭榜团队申请将“{challenge}”节点“{milestone}”延期至 {due}，请审批。' },
    en: { title: 'Extension requested: {milestone}', body: 'The team asks to extend the milestone “{milestone}” of “{challenge}” to {due}. Please decide.' },
  },
  extension_decided: {
    'zh-CN': { title: '延期申请{decision}：{milestone}', body: '“{challenge}”节点“{milestone}”的延期申请{decision}。' },
    en: { title: 'Extension {decision}: {milestone}', body: 'The extension request for “{milestone}” of “{challenge}” was {decision}.' },
  },
  outcome_prompt: {
    'zh-CN': { title: '请填报成果转化情况：{challenge}', body: '“{challenge}”验收已满 {months} 个月，请填报成果应用情况（产品、收入、专利）。' },
    en: { title: 'Report how the result is used: {challenge}', body: 'It is {months} months since “{challenge}” was accepted. Please report how the result is used (products, revenue, patents).' },
  },
  match_invitation: {
    'zh-CN': { title: '推荐揭榜：{challenge}', body: '根据贵团队的研究方向与成果，平台推荐贵团队关注新发布的需求“{challenge}”（匹配点：{terms}）。揭榜截止时间 {deadline}。' },
    en: { title: 'Recommended challenge: {challenge}', body: 'From your team’s fields and results, we recommend the newly published challenge “{challenge}” (matched on: {terms}). Applications close {deadline}.' },
  },
  match_introduction: {
    'zh-CN': { title: '科技局撮合对接：{challenge}', body: '{member} 为“{challenge}”介绍了发榜方与揭榜团队 {organisation} 对接，请双方尽快联系。' },
    en: { title: 'Introduction by the bureau: {challenge}', body: '{member} introduced the publisher of “{challenge}” and the team {organisation} to each other; please get in touch.' },
  },
  bid_deadline_passed: {
    'zh-CN': { title: '揭榜已截止：{challenge}', body: '“{challenge}”的揭榜申报已截止，科技局将进行形式审查，结果会通知您。' },
    en: { title: 'Bidding closed: {challenge}', body: 'Bidding on “{challenge}” has closed. The bureau will now check eligibility and let you know the result.' },
  },
};

export function renderNotification(
  kind: NotificationKind,
  params: Record<string, string>,
  locale: Locale,
): Template {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  const t = notificationTexts[kind][locale];
  return { title: fill(t.title), body: fill(t.body)};
}
