import type { z } from 'zod';
import {
  challengeMatches,
  introduction,
  recommendations,
  teamProfile,
  teamSuggestions,
  type introductionBody,
  type teamProfileBody,
} from '../../../shared/contracts/matching';
import { request } from './api';
import { translatedMatching as translated } from './matching-messages';

export type { TeamProfile } from '../../../shared/contracts/matching';
export type ChallengeMatches = z.output<typeof challengeMatches>;
export type MatchItem = ChallengeMatches['items'][number];
export type Introduction = z.output<typeof introduction>;
export type Recommendation = z.output<typeof recommendations>['items'][number];
export type TeamSuggestion = z.output<typeof teamSuggestions>['items'][number];

const enc = encodeURIComponent;
const challenge = (id: string, rest: string) => `/api/challenges/${enc(id)}${rest}`;

/** 团队画像, 为我推荐, 匹配与撮合 (issue 6). */
export const matchingApi = {
  profile: (teamId: string) => translated(request('GET', `/api/teams/${enc(teamId)}/profile`, { response: teamProfile })),
  saveProfile: (teamId: string, body: z.input<typeof teamProfileBody>) => translated(request('PUT', `/api/teams/${enc(teamId)}/profile`, { body, response: teamProfile })),
  recommendations: () => translated(request('GET', '/api/recommendations', { response: recommendations })),
  matches: (challengeId: string) => translated(request('GET', challenge(challengeId, '/matches'), { response: challengeMatches })),
  suggestions: (challengeId: string) => translated(request('GET', challenge(challengeId, '/suggested-teams'), { response: teamSuggestions })),
  introduce: (challengeId: string, body: z.input<typeof introductionBody>) => translated(request('POST', challenge(challengeId, '/introductions'), { body, response: introduction })),
};
