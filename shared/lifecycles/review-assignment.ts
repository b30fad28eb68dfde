import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';

export const assignmentStates = ['assigned', 'recused', 'scored'] as const;
export const assignmentState = z.enum(assignmentStates);
export type AssignmentState = z.infer<typeof assignmentState>;
export type AssignmentEvent = 'recuse' | 'score';

/** An expert's review assignment (回避 or 打分); the expert must be the assigned one. */
export const assignmentLifecycle = defineLifecycle<AssignmentState, AssignmentEvent>({
  name: 'review-assignment',
  states: assignmentStates,
  events: ['recuse', 'score'],
  transitions: [
    { from: 'assigned', event: 'recuse', to: 'recused', by: ['expert'], requires: ['the assigned expert', 'reason'] },
    { from: 'assigned', event: 'score', to: 'scored', by: ['expert'], requires: ['the assigned expert', 'every criterion scored once'] },
  ],
});
