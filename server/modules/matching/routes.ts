import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import { challengeMatches, introduction, introductionBody, recommendations, teamProfile, teamProfileBody, teamSuggestions } from '../../../shared/contracts/matching';
import type { TeamProfiles } from './profiles';
import type { MatchingService } from './service';

export const matchingRoutes: FastifyPluginAsyncZod<{ matching: MatchingService; profiles: TeamProfiles }> = async (app, { matching, profiles }) => {
  const tags = ['matching'];
  app.get('/api/teams/:id/profile', { schema: { tags, summary: "A research team's profile (fields, keywords, people, results, capacity)", params: idParams, response: { 200: teamProfile } } }, async (req) =>
    profiles.get(req.params.id, req.ctx),
  );
  app.put('/api/teams/:id/profile', { schema: { tags, summary: "Edit a team's profile (its managers, officials); re-ranks open challenges for it", params: idParams, body: teamProfileBody, response: { 200: teamProfile } } }, async (req) =>
    profiles.update(req.params.id, req.body, req.ctx),
  );
  app.get('/api/recommendations', { schema: { tags, summary: 'Open challenges recommended to my teams, with the reasons', response: { 200: recommendations } } }, async (req) => matching.recommendations(req.ctx));
  app.get('/api/challenges/:id/matches', { schema: { tags, summary: "A challenge's ranked teams with explanations, and introductions made (officials)", params: idParams, response: { 200: challengeMatches } } }, async (req) =>
    matching.matches(req.params.id, req.ctx),
  );
  app.get('/api/challenges/:id/suggested-teams', { schema: { tags, summary: 'Teams the ranking suggests inviting, from the current text (the publisher, officials)', params: idParams, response: { 200: teamSuggestions } } }, async (req) =>
    matching.suggestions(req.params.id, req.ctx),
  );
  app.post('/api/challenges/:id/introductions', { schema: { tags, summary: 'Record introducing a team to the publisher (撮合, officials); its introducer becomes the broker of a resulting deal', params: idParams, body: introductionBody, response: { 201: introduction } } }, async (req, reply) =>
    reply.code(201).send(await matching.introduce(req.params.id, req.body, req.ctx)),
  );
};
