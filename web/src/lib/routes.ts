import type { Role } from '../../../shared/roles';
import type { MessageKey } from './i18n.svelte';

export type RouteName =
  | 'home'
  | 'login'
  | 'register'
  | 'password-reset'
  | 'password-reset-new'
  | 'verification-queue'
  | 'verification-detail'
  | 'organisation'
  | 'mails'
  | 'challenges'
  | 'challenge-detail'
  | 'challenge-new'
  | 'challenge-edit'
  | 'my-challenges'
  | 'vetting-queue'
  | 'batches'
  | 'my-bids'
  | 'bid'
  | 'bid-feedback'
  | 'review-queue'
  | 'review-workspace'
  | 'my-assignments'
  | 'assignment'
  | 'expert-profile'
  | 'notices'
  | 'contracts'
  | 'contract'
  | 'milestone-board'
  | 'team-profile'
  | 'recommendations'
  | 'challenge-matches'
  | 'imports'
  | 'dashboard'
  | 'work-queues'
  | 'quarterly-report'
  | 'not-found';

export interface RouteDef {
  name: RouteName;
  /** Literal segments and `:param` segments, e.g. /officials/verification/:id */
  pattern: string;
  title: MessageKey;
  /** Logged-in users only; anonymous visitors are sent to /login and back. */
  auth?: boolean;
  /** Logged-in users holding one of these roles only. */
  roles?: readonly Role[];
  /** Only for anonymous visitors (log-in, registration); logged-in users go home. */
  anonymous?: boolean;
}

const officials: readonly Role[] = ['official', 'admin'];
const enterprises: readonly Role[] = ['enterprise_member'];
const experts: readonly Role[] = ['expert'];

export const routes: readonly RouteDef[] = [
  { name: 'home', pattern: '/', title: 'nav.home' },
  { name: 'login', pattern: '/login', title: 'nav.login', anonymous: true },
  { name: 'register', pattern: '/register', title: 'nav.register', anonymous: true },
  // Password reset: ask for a link, then set a new password with it (the token is in the link's #fragment).
  { name: 'password-reset', pattern: '/password-reset', title: 'nav.passwordReset', anonymous: true },
  { name: 'password-reset-new', pattern: '/password-reset/new', title: 'nav.passwordReset', anonymous: true },
  { name: 'verification-queue', pattern: '/officials/verification', title: 'nav.verification', auth: true, roles: officials },
  { name: 'verification-detail', pattern: '/officials/verification/:id', title: 'nav.verification', auth: true, roles: officials },
  { name: 'organisation', pattern: '/organisation', title: 'nav.organisation', auth: true },
  // Everyone sees the mail sent to them (kept here when SMTP is not configured).
  { name: 'mails', pattern: '/mails', title: 'nav.mails', auth: true },
  // The list and published challenges are public: anyone may browse without logging in.
  { name: 'challenges', pattern: '/challenges', title: 'nav.challenges' },
  { name: 'challenge-detail', pattern: '/challenges/:id', title: 'nav.challenges' },
  { name: 'my-challenges', pattern: '/my/challenges', title: 'nav.myChallenges', auth: true, roles: enterprises },
  { name: 'challenge-new', pattern: '/my/challenges/new', title: 'editor.newHeading', auth: true, roles: enterprises },
  { name: 'challenge-edit', pattern: '/my/challenges/:id/edit', title: 'editor.editHeading', auth: true, roles: enterprises },
  { name: 'vetting-queue', pattern: '/officials/vetting', title: 'nav.vetting', auth: true, roles: officials },
  { name: 'batches', pattern: '/officials/batches', title: 'nav.batches', auth: true, roles: officials },
  // Team members' bids and partner invitations; the server decides who may see each bid
  // (its team; partners; the publisher side and officials after the deadline).
  { name: 'my-bids', pattern: '/bids', title: 'nav.myBids', auth: true },
  { name: 'bid', pattern: '/bids/:id', title: 'bid.heading', auth: true },
  { name: 'bid-feedback', pattern: '/bids/:id/feedback', title: 'feedback.heading', auth: true },
  // Review and award: officials run it; the publisher side sees the ranking and proposes (the server decides).
  { name: 'review-queue', pattern: '/officials/review', title: 'nav.review', auth: true, roles: officials },
  { name: 'review-workspace', pattern: '/challenges/:id/review', title: 'review.heading', auth: true },
  { name: 'my-assignments', pattern: '/reviews', title: 'nav.myAssignments', auth: true, roles: experts },
  { name: 'assignment', pattern: '/reviews/:id', title: 'scoring.heading', auth: true, roles: experts },
  { name: 'expert-profile', pattern: '/expert/profile', title: 'nav.expertProfile', auth: true, roles: experts },
  // The public notice board (公示): anyone may read it; objecting needs a log-in.
  { name: 'notices', pattern: '/notices', title: 'nav.notices' },
  // Contracts: their parties' members and officials (the server decides who sees which).
  { name: 'contracts', pattern: '/contracts', title: 'nav.contracts', auth: true },
  { name: 'contract', pattern: '/contracts/:id', title: 'contract.heading', auth: true },
  { name: 'milestone-board', pattern: '/officials/milestones', title: 'nav.milestones', auth: true, roles: officials },
  // Matching: team profiles (signed-in users read, managers and officials edit), recommendations for teams,
  // each challenge's ranked teams and introductions (撮合) for officials, imports of teams and enterprises.
  { name: 'team-profile', pattern: '/teams/:id/profile', title: 'nav.teamProfile', auth: true },
  { name: 'recommendations', pattern: '/recommendations', title: 'nav.recommendations', auth: true, roles: ['team_member'] },
  { name: 'challenge-matches', pattern: '/officials/challenges/:id/matches', title: 'matches.heading', auth: true, roles: ['official'] },
  { name: 'imports', pattern: '/officials/imports', title: 'nav.imports', auth: true, roles: officials },
  // 工作台: the year against its target, the forecast, the pipeline and the work queues. Officials only
  // (the analytics API refuses admins: the figures and the target are the bureau's business).
  { name: 'dashboard', pattern: '/officials/dashboard', title: 'nav.dashboard', auth: true, roles: ['official'] },
  { name: 'work-queues', pattern: '/officials/work-queues', title: 'nav.workQueues', auth: true, roles: ['official'] },
  // 季度通报: the dashboard's figures for a quarter, printable and exported to Excel (officials only, as the analytics API).
  { name: 'quarterly-report', pattern: '/officials/reports/quarterly', title: 'nav.quarterlyReport', auth: true, roles: ['official'] },
];

export const notFoundRoute: RouteDef = { name: 'not-found', pattern: '', title: 'notFound.heading' };

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

/** Pure so it can be unit-tested: the route for a pathname, or the not-found route. */
export function matchRoute(pathname: string): RouteMatch {
  const parts = split(pathname);
  for (const route of routes) {
    const pattern = split(route.pattern);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      const part = parts[i] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = part;
        return true;
      }
      return segment === part;
    });
    if (matches) return { route, params };
  }
  return { route: notFoundRoute, params: {} };
}

function split(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}
/** Only local paths are followed after log-in, so ?next= cannot send anyone off-site. */
export function safeLocalPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
