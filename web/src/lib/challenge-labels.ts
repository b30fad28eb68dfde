import { contractPath, type FieldProblem } from './challenge-form';
import { fieldMessage, issueMessage } from './errors';
import { isMessageKey, t } from './i18n.svelte';

/**
 * A human label for a challenge field path, contract (`bountyYuan`, `indicators.2.unit`) or
 * editor (`bountyWan`) alike, for checklists and error lists: "榜额", "技术指标第 3 行：单位".
 */
export function fieldLabel(path: string): string {
  const [head = '', ...rest] = contractPath(path).split('.');
  const key = `challenge.field.${head}`;
  const base = isMessageKey(key) ? t(key) : head;
  if (head === 'indicators' && rest.length) {
    const row = Number(rest[0]) + 1;
    const part = rest[1] ? `indicator.${rest[1]}` : '';
    return t('indicator.rowField', { row, field: isMessageKey(part) ? t(part) : '' }).replace(/[：:]\s*$/, '');
  }
  if ((head === 'contact' || head === 'requirements') && rest[0]) {
    const sub = `${head}.${rest[0]}`;
    if (isMessageKey(sub)) return `${base} · ${t(sub)}`;
  }
  return base;
}

/** The message shown at a field the editor cannot save as typed. */
export function problemMessage(problem: FieldProblem): string {
  switch (problem.kind) {
    case 'money':
      return problem.problem === 'precision' ? t('validation.moneyPrecision') : problem.problem === 'range' ? t('validation.moneyRange') : t('validation.money');
    case 'months':
      return t('validation.months');
    case 'deadline':
      return t('validation.deadline');
    case 'issue':
      // "≥ 25.8" and "3000" are targets; "尽量高" is not: a target must hold a number.
      if (problem.path.endsWith('.targetValue') && problem.issue.code === 'invalid_format' && !problem.blank) return t('validation.targetNumber');
      return issueMessage(problem.issue, problem.value);
  }
}

/**
 * A server field error about a challenge (already translated where known, see
 * challenge-errors.ts); a field the shared check also finds missing simply needs a value.
 */
export function serverFieldMessage(message: string, missing: readonly string[], path: string): string {
  if (missing.includes(path)) return t('validation.required');
  return fieldMessage(message);
}
