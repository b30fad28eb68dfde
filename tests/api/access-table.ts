import { actors, type ActorKey } from '../helpers/access-world';

/**
 * Who may do what: for every operation the app documents, the answer each actor gets
 * (tests/api/access-matrix.test.ts asks every cell; the actors and the records each route is
 * asked about are in tests/helpers/access-world.ts). A route added to the app fails the matrix
 * until it has a row here.
 *
 * - allow: 2xx.
 * - deny: 401 for the anonymous visitor, 403 FORBIDDEN for anyone signed in.
 * - hidden: 404 NOT_FOUND, as for a record that does not exist: the record is not disclosed.
 * - a status: exactly that answer, a state conflict the actor reaches only after the
 *   permission check passed (none needed today: every route is asked in the state where its
 *   allowed actors succeed).
 *
 * Cells marked `BUG:` (none at present) record today's behaviour where it departs from the rules the code's own
 * comments state; they are for the lead engineer to decide, and flip when the server changes.
 */
export type Outcome = 'allow' | 'deny' | 'hidden' | 400 | 409;
export type Row = Record<ActorKey, Outcome>;

/** Every actor gets `base`, except those named. */
const row = (base: Outcome, cells: Partial<Row> = {}): Row => Object.fromEntries(actors.map((a) => [a, cells[a] ?? base])) as Row;
/** Public: no session needed. */
const everyone = row('allow');
/** Any session. */
const signedIn = row('allow', { anonymous: 'deny' });
/** Only these actors; everyone else is refused. */
const only = (...who: ActorKey[]) => row('deny', Object.fromEntries(who.map((a) => [a, 'allow'])));
/** Only these actors; to everyone else signed in the record does not exist. */
const hiddenBut = (cells: Partial<Row>) => row('hidden', { anonymous: 'deny', ...cells });

const experts = ['assignedExpert', 'unassignedExpert'] as const;
/** Readers of a sealed bid after its deadline (bid-sealing.test.ts covers every phase). */
const bidReaders = row('hidden', { owner: 'allow', bidder: 'allow', assignedExpert: 'allow', official: 'allow' });
/** Who sees the challenge directed to the bidding team: its publisher, the invited team, staff. */
const directedReaders = row('hidden', { owner: 'allow', bidder: 'allow', official: 'allow', admin: 'allow' });
/**
 * The bureau is a contract's party through its officials only: experts and admins, though
 * members of the bureau organisation, do not see contracts (was a leak; fixed with this table).
 */
/** A signed (or drafted) contract's write: its parties and officials reach the lifecycle table, which names who may. */
const contractWrite = (cells: Partial<Row>) => hiddenBut({ owner: 'deny', bidder: 'deny', official: 'deny', ...cells });
/**
 * Adding or removing a draft's attachment: its publisher only; those who may not know the draft
 * exists get 404 like the challenges service gives them; staff, who see drafts, get 403.
 */
const draftAttachmentWrite = hiddenBut({ owner: 'allow', official: 'deny', admin: 'deny' });

export const accessTable: Record<string, Row> = {
  // ——— health and sessions ———
  'GET /healthz': everyone, // probes for the load balancer
  'GET /readyz': everyone,
  'GET /api/auth/me': everyone, // null user for visitors
  'POST /api/auth/register': everyone, // needs no session; nothing forbids a signed-in person registering another account
  'POST /api/auth/login': everyone,
  'POST /api/auth/logout': everyone, // ends whatever session there is
  'PUT /api/auth/me/locale': signedIn, // one's own preference
  'POST /api/auth/password-reset/request': everyone, // the same answer for any address
  'POST /api/auth/password-reset/complete': everyone, // the token from the mailed link is the authority
  'GET /api/invitations/{token}': everyone, // the token in the link is the secret

  // ——— organisations ———
  'GET /api/organisations': only('official', 'admin'), // the verification queue
  'GET /api/organisations/{id}': only('owner', 'official', 'admin'), // the owner's enterprise: its members and staff
  'POST /api/organisations/{id}/verification': only('official'), // a pending enterprise: the verification table names officials
  'POST /api/organisations/{id}/resubmit': only('unverified'), // its rejected team: a managing member resubmits
  'GET /api/organisations/{id}/members': only('owner', 'official', 'admin'),
  'POST /api/organisations/{id}/invitations': only('owner'), // a managing member; admins only for the bureau

  // ——— notifications ———
  'GET /api/notifications': signedIn, // one's own
  'POST /api/notifications/read-all': signedIn,
  'POST /api/notifications/{id}/read': hiddenBut({ owner: 'allow' }), // the owner's: nobody else's to mark, nor to know of
  'GET /api/mails': signedIn, // one's own mail only

  // ——— challenges ———
  'GET /api/challenges': everyone, // the public list
  'POST /api/challenges': only('owner', 'otherEnterprise'), // any enterprise member drafts for their enterprise
  'GET /api/challenges/{id}': directedReaders, // directed: hidden from everyone else, visitors included
  'PATCH /api/challenges/{id}': hiddenBut({ owner: 'allow', official: 'deny', admin: 'deny' }), // a draft: staff see it, only the publisher edits
  'POST /api/challenges/{id}/submit': hiddenBut({ owner: 'allow', official: 'deny', admin: 'deny' }),
  'POST /api/challenges/{id}/withdraw': hiddenBut({ owner: 'allow', official: 'deny', admin: 'deny' }),
  'POST /api/challenges/{id}/decision': hiddenBut({ owner: 'deny', official: 'allow', admin: 'deny' }), // submitted: officials vet
  'POST /api/challenges/{id}/terms': only('owner', 'official'), // published: the publisher or an official, with a reason
  'POST /api/challenges/{id}/joint-publishers/confirm': hiddenBut({ owner: 'deny', otherEnterprise: 'allow', official: 'deny', admin: 'deny' }), // a draft; the other enterprise is the one invited
  'POST /api/challenges/{id}/questions': only('bidder', 'otherTeam'), // members of verified teams, while open
  'POST /api/challenges/{id}/questions/{questionId}/answer': row('deny', {
    owner: 'allow',
    official: 'allow',
    admin: 'deny', // the publisher or officials answer (admins run the platform, not the programme)
  }),
  'GET /api/my/challenges': only('owner', 'otherEnterprise'), // enterprise members: their own enterprise's
  'GET /api/vetting/challenges': only('official', 'admin'),
  'GET /api/directory/organisations': signedIn, // verified organisations' names, for choosing partners
  'GET /api/batches': everyone, // published batches; drafts only for staff
  'POST /api/batches': only('official'),
  'POST /api/batches/{id}/publish': only('official'),
  // Published with a restricted description: logged-in members of verified teams, the publisher side and staff.
  'GET /api/challenges/{id}/attachments/{attachmentId}': row('deny', { owner: 'allow', bidder: 'allow', otherTeam: 'allow', official: 'allow', admin: 'allow' }),
  'POST /api/challenges/{id}/attachments': draftAttachmentWrite,
  'DELETE /api/challenges/{id}/attachments/{attachmentId}': draftAttachmentWrite,

  // ——— bids (sealed: who may not read a bid is told it does not exist) ———
  'POST /api/bids': only('bidder', 'otherTeam'), // members of verified teams, on an open challenge
  'GET /api/bids/mine': signedIn, // one's own organisations' bids
  'GET /api/bids/{id}': bidReaders, // eligible, under review: the team, the publisher, officials, the assigned expert
  'PUT /api/bids/{id}/draft': hiddenBut({ bidder: 'allow' }), // before the deadline only the team knows of it
  'POST /api/bids/{id}/submit': hiddenBut({ bidder: 'allow' }),
  'POST /api/bids/{id}/reconfirm': hiddenBut({ bidder: 'allow' }), // submitted, flagged by a change of terms
  'POST /api/bids/{id}/withdraw': hiddenBut({ bidder: 'allow' }),
  'POST /api/bids/{id}/partners/confirm': hiddenBut({ bidder: 'deny', otherTeam: 'allow' }), // the other team is the partner named
  'POST /api/bids/{id}/verify-receipt': bidReaders,
  'POST /api/bids/{id}/eligibility': hiddenBut({ owner: 'deny', bidder: 'deny', official: 'allow' }), // after the deadline: officials check
  'GET /api/challenges/{id}/bid-count': only('official'), // before the deadline: officials only, not even the publisher
  'GET /api/challenges/{id}/bids': only('owner', 'official'), // after the deadline: the publisher side and officials
  'GET /api/bids/{id}/attachments/{attachmentId}': bidReaders, // a file of the submitted version
  'POST /api/bids/{id}/attachments': hiddenBut({ bidder: 'allow' }),
  'DELETE /api/bids/{id}/attachments/{attachmentId}': hiddenBut({ bidder: 'allow' }),

  // ——— review ———
  'GET /api/challenges/{id}/criteria': only('owner', ...experts, 'official'), // officials, the publisher and experts
  'PUT /api/challenges/{id}/criteria': only('official'),
  'GET /api/challenges/{id}/ranking': only('owner', 'official'),
  'GET /api/bids/{id}/feedback': hiddenBut({ bidder: 'allow' }), // the losing team only, once the award is final
  'POST /api/bids/{id}/assignments': only('official'),
  'POST /api/assignments/{id}/recuse': row('deny', { assignedExpert: 'allow', unassignedExpert: 'hidden' }), // experts only; another's assignment does not exist
  'POST /api/assignments/{id}/scores': row('deny', { assignedExpert: 'allow', unassignedExpert: 'hidden' }),
  'GET /api/assignments/{id}': row('deny', { assignedExpert: 'allow', unassignedExpert: 'hidden' }),
  'GET /api/experts/me/assignments': only(...experts),
  'GET /api/challenges/{id}/review-board': only('official'), // officials, not admins
  'GET /api/review/challenges': only('official'),
  'GET /api/experts/me/profile': only(...experts),
  'PUT /api/experts/me/profile': only(...experts),
  'POST /api/experts/me/ties': only(...experts),
  'DELETE /api/experts/me/ties/{id}': only(...experts),

  // ——— awards ———
  'POST /api/challenges/{id}/awards': only('owner'), // the publisher proposes from the final ranking
  'GET /api/challenges/{id}/awards': directedReaders, // as the challenge: a directed one's awards are hidden from outsiders
  'POST /api/awards/{id}/confirm': only('official'),
  'POST /api/awards/{id}/decline': only('official'),
  'POST /api/awards/{id}/objections': signedIn, // anyone signed in, while the notice runs
  'POST /api/objections/{id}/resolve': only('official'),
  'GET /api/notices': everyone, // the public notice board

  // ——— contracts: the parties and officials; to anyone else a contract does not exist ———
  'GET /api/contracts': signedIn, // one's own organisations' contracts (officials: all)
  'GET /api/contracts/{id}': hiddenBut({ owner: 'allow', bidder: 'allow', official: 'allow' }),
  'PUT /api/contracts/{id}/funding': contractWrite({ official: 'allow' }),
  'POST /api/contracts/{id}/sign': contractWrite({ owner: 'allow', bidder: 'allow', official: 'allow' }), // each party once; officials for the bureau
  'POST /api/contracts/{id}/registration': contractWrite({ official: 'allow' }),
  'PUT /api/contracts/{id}/broker': contractWrite({ official: 'allow' }),
  'POST /api/contracts/{id}/acceptance': contractWrite({ official: 'allow' }),
  'POST /api/contracts/{id}/termination': contractWrite({ official: 'allow' }),
  'PUT /api/contracts/{id}/outcomes/{months}': contractWrite({ owner: 'allow' }), // the publisher reports, 6 and 12 months on
  'GET /api/milestones/board': only('official'),
  'POST /api/milestones/{id}/evidence': contractWrite({ bidder: 'allow' }), // the contracted team
  'POST /api/milestones/{id}/return': contractWrite({ owner: 'allow' }), // the publisher reviews
  'POST /api/milestones/{id}/approve': contractWrite({ owner: 'allow' }),
  'POST /api/milestones/{id}/confirm': contractWrite({ official: 'allow' }), // and pays the tranche
  'POST /api/milestones/{id}/extension-request': contractWrite({ bidder: 'allow' }),
  'POST /api/milestones/{id}/extension-decision': contractWrite({ official: 'allow' }),
  'POST /api/milestones/{id}/files': contractWrite({ bidder: 'allow' }),
  'GET /api/milestones/{id}/files/{attachmentId}': hiddenBut({ owner: 'allow', bidder: 'allow', official: 'allow' }),

  // ——— matching ———
  'GET /api/teams/{id}/profile': hiddenBut({ official: 'allow', unverified: 'allow' }), // an unverified team's: its members and officials
  'PUT /api/teams/{id}/profile': only('bidder', 'official'), // the bidding team's: its managers and officials
  'GET /api/recommendations': only('bidder', 'otherTeam', 'unverified'), // for research teams
  'GET /api/challenges/{id}/matches': only('official'),
  'GET /api/challenges/{id}/suggested-teams': hiddenBut({ owner: 'allow', official: 'allow' }), // a draft: its publisher and officials
  'POST /api/challenges/{id}/introductions': only('official'),

  // ——— the officials' workspace ———
  'GET /api/analytics/dashboard': only('official'),
  'GET /api/analytics/work-queues': only('official'),
  'PUT /api/analytics/targets/{year}': only('official'),
  'GET /api/reports/quarterly': only('official'),
  'POST /api/reports/quarterly/exports': only('official'),
  'GET /api/reports/quarterly/exports/{id}': only('official'), // the official who started it
  'GET /api/reports/quarterly/exports/{id}/file': only('official'),
  'GET /api/audit': only('official', 'admin'), // officials supervise, admins run the platform
  'GET /api/audit/verify': only('official', 'admin'),
  'GET /api/imports/template': only('official'),
  'POST /api/imports': only('official'),
  'GET /api/imports': only('official'),
  'GET /api/imports/{id}': only('official'),

  // ——— open data: public by design (open-data.test.ts checks what it leaves out) ———
  'GET /api/open-data/releases.json': everyone,
  'GET /api/open-data/releases.csv': everyone,
  'GET /api/open-data/milestones.csv': everyone,
  'GET /api/open-data/policy': everyone,
};
