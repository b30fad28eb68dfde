import type { Readable } from 'node:stream';
// The Node entry point (accepts Node streams); TypeScript's bundler resolution would pick the web one.
import { fileTypeFromStream } from 'file-type/node';
import type { BidAttachment } from '../../../shared/contracts/bids';
import type { Attachment } from '../../../shared/contracts/challenges';
import type { Ctx } from '../../context';
import { requireActor } from '../../context';
import { AppError, Conflict, Forbidden, NotFound, Unauthenticated, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Tx } from '../../infra/database';
import type { FileStorage } from '../../infra/storage';
import type { AttachmentRow, AttachmentsRepository } from './repository';

/**
 * What this module needs to know about challenges, and no more. The challenges service
 * implements it (publisher members may edit while the challenge is a draft or in rework;
 * viewing follows the description's visibility), so the rules live in one place and this
 * module does not import it. Implementations read without locking the challenge row: this
 * service calls them before its own transaction, not inside it.
 */
export interface ChallengeAccess {
  canEdit(challengeId: string, ctx: Ctx): Promise<boolean>;
  canSee(challengeId: string, ctx: Ctx): Promise<boolean>;
  canView(challengeId: string, ctx: Ctx): Promise<boolean>;
}

/** A stored, checked upload as the owner of the file records it. */
export interface StoredFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/** What this module needs of bids: the bids service owns the rows and who may see them. */
export interface BidFiles {
  assertCanAttach(bidId: string, ctx: Ctx): Promise<void>;
  record(bidId: string, file: StoredFile, ctx: Ctx): Promise<BidAttachment>;
  find(bidId: string, attachmentId: string, ctx: Ctx): Promise<StoredFile & { id: string }>;
  /** Returns the storage key when no submitted version names the file any more. */
  remove(bidId: string, attachmentId: string, ctx: Ctx): Promise<string | null>;
}

/** What this module needs of milestones: the contracts service owns evidence files and who sees them. */
export interface MilestoneFiles {
  assertCanAttach(milestoneId: string, ctx: Ctx): Promise<void>;
  record(milestoneId: string, file: StoredFile, ctx: Ctx): Promise<BidAttachment>;
  find(milestoneId: string, fileId: string, ctx: Ctx): Promise<StoredFile & { id: string }>;
}

export interface AttachmentsDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  attachments: AttachmentsRepository;
  access: ChallengeAccess;
  bidFiles: BidFiles;
  milestoneFiles: MilestoneFiles;
}

/**
 * Accepted types, as sniffed from the content, with the file-name extensions that fit each.
 * Legacy Office files are all one container format (CFB) that file-type cannot tell apart, so
 * they are stored under its generic type. Macro-enabled Office files (.docm …) are refused.
 */
export const attachmentTypes: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/x-cfb': ['doc', 'xls', 'ppt'],
};
const cfb = 'application/x-cfb';
const acceptedList = 'PDF, PNG, JPEG, WebP, Word, Excel or PowerPoint';

export const maxFileNameLength = 200;

export function unsupportedMediaType(message: string): AppError {
  return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `file: ${message}`, [{ path: 'file', message }]);
}

export function payloadTooLarge(maxBytes: number): AppError {
  const message = `the file is larger than ${+(maxBytes / 1024 / 1024).toFixed(2)} MB`;
  return new AppError(413, 'PAYLOAD_TOO_LARGE', `file: ${message}`, [{ path: 'file', message }]);
}

/**
 * The type the content really has, if it is one we accept. Reads only as much of the stream
 * as it needs (a zip is walked to its [Content_Types].xml to tell DOCX from XLSX from PPTX)
 * and closes it. Malformed content is "not recognised", not a server error.
 */
export async function sniffAttachmentType(content: Readable): Promise<{ mimeType: string | null; detected: string | null }> {
  try {
    const type = await fileTypeFromStream(content);
    if (!type) return { mimeType: null, detected: null };
    return { mimeType: type.mime in attachmentTypes ? type.mime : null, detected: type.mime };
  } catch {
    return { mimeType: null, detected: null };
  } finally {
    content.destroy();
  }
}

// C0/C1 controls, zero-width and bidirectional-override characters (the last can make
// "invoice‮fdp.exe" display as "invoiceexe.pdf"), and characters Windows refuses in names.
const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const windowsReserved = /[<>:"|?*]/g;

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * The user's file name, kept for display and download only (never for storage): path parts
 * and unsafe characters removed, at most `max` characters with the extension kept.
 */
export function sanitizeFileName(raw: string, max = maxFileNameLength): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base.normalize('NFC').replace(unsafeChars, '').replace(windowsReserved, '_').trim().replace(/^\.+/, '').trim();
  const chars = Array.from(name); // code points, so a Chinese name is not cut inside a surrogate pair
  if (chars.length <= max) return name;
  const ext = extensionOf(name);
  if (ext && ext.length < 20) {
    const stem = Array.from(name.slice(0, name.length - ext.length - 1));
    return `${stem.slice(0, max - ext.length - 1).join('').trimEnd()}.${ext}`;
  }
  return chars.slice(0, max).join('').trimEnd();
}

/**
 * The name shown and offered on download: the user's, with an extension that matches the
 * sniffed content, so a PNG called "photo.exe" is saved as "photo.exe.png" and opens as an
 * image. A legacy Office file must already say which program opens it: other CFB files
 * (installers, for one) are refused.
 */
export function displayFileName(raw: string, mimeType: string): string {
  const extensions = attachmentTypes[mimeType] ?? [];
  const name = sanitizeFileName(raw);
  if (extensions.includes(extensionOf(name))) return name;
  if (mimeType === cfb) throw unsupportedMediaType('a legacy Office file must be named .doc, .xls or .ppt');
  const ext = extensions[0]!;
  const stem = sanitizeFileName(raw, maxFileNameLength - ext.length - 1) || 'attachment';
  return `${stem}.${ext}`;
}

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What callers see of a stored file: never its storage key. */
const fileView = (row: StoredFile & { id: string }): BidAttachment => ({ id: row.id, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256 });

const auditDetails = (row: AttachmentRow) => ({ attachmentId: row.id, fileName: row.fileName, sha256: row.sha256, sizeBytes: row.sizeBytes });

export function createAttachmentsService(d: AttachmentsDeps) {
  /** The challenge's state, after checking it exists and the actor may edit it. */
  async function editableStatus(challengeId: string, ctx: Ctx, what: string) {
    const status = await d.attachments.challengeStatus(d.db, challengeId);
    if (!status) throw new NotFound('challenge');
    // Whoever may not know of the challenge (a draft of another enterprise) learns nothing more.
    if (ctx.actor && !(await d.access.canSee(challengeId, ctx))) throw new NotFound('challenge');
    if (!(await d.access.canEdit(challengeId, ctx))) {
      throw new Forbidden(`only members of the publishing enterprise may ${what}, while the challenge is a draft or in rework`);
    }
    return status;
  }

  /**
   * canEdit was answered for the state the challenge had before the upload; if a lifecycle
   * change (say, submission) committed since, that answer is stale. FOR SHARE makes any
   * change wait until our row and audit entry are committed.
   */
  async function lockUnchanged(tx: Tx, challengeId: string, checked: string) {
    const now = await d.attachments.challengeStatus(tx, challengeId, { lock: true });
    if (!now) throw new NotFound('challenge');
    if (now !== checked) throw new Conflict('the challenge changed state meanwhile; reload it and try again');
  }

  /**
   * Stores an upload and checks it (not empty, an accepted type by its content, a safe name),
   * then runs `record` with what was stored. A refusal anywhere deletes the stored file.
   */
  async function storeChecked<T>(upload: { fileName: string; content: Readable }, record: (file: StoredFile) => Promise<T>): Promise<T> {
    const stored = await d.storage.put(upload.content);
    try {
      if (stored.sizeBytes === 0) throw ValidationError.field('file', 'the file is empty');
      const { mimeType, detected } = await sniffAttachmentType(await d.storage.get(stored.key));
      if (!mimeType) {
        throw unsupportedMediaType(`${detected ? `content of type ${detected}` : 'content of an unrecognised type'} is not accepted; upload ${acceptedList}`);
      }
      const fileName = displayFileName(upload.fileName, mimeType);
      return await record({ fileName, mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey: stored.key });
    } catch (err) {
      // Refused or not recorded: the file must not outlive the request. A delete that fails
      // too leaves a file no row points to (its key is random, so nobody can reach it); the
      // caller still needs the original error.
      await d.storage.delete(stored.key).catch(() => undefined);
      throw err;
    }
  }

  async function add(challengeId: string, upload: { fileName: string; content: Readable }, ctx: Ctx): Promise<Attachment> {
    const actor = requireActor(ctx);
    const status = await editableStatus(challengeId, ctx, 'add attachments');
    return storeChecked(upload, (file) =>
      d.db.transaction(async (tx) => {
        await lockUnchanged(tx, challengeId, status);
        const now = d.clock.now();
        const row = await d.attachments.insert(tx, { challengeId, ...file, uploadedBy: actor.id, createdAt: now });
        await appendAudit(tx, {
          at: now,
          actorId: actor.id,
          reqId: ctx.reqId,
          action: 'challenge.attachment_added',
          entityType: 'challenge',
          entityId: challengeId,
          after: auditDetails(row),
        });
        return toAttachment(row);
      }),
    );
  }

  /** A file on a bid: the bids service decides who may attach, read and remove (sealed bids). */
  async function addToBid(bidId: string, upload: { fileName: string; content: Readable }, ctx: Ctx): Promise<BidAttachment> {
    await d.bidFiles.assertCanAttach(bidId, ctx);
    return storeChecked(upload, (file) => d.bidFiles.record(bidId, file, ctx));
  }

  async function openForBid(bidId: string, attachmentId: string, ctx: Ctx): Promise<{ attachment: BidAttachment; content: Readable }> {
    const row = await d.bidFiles.find(bidId, attachmentId, ctx);
    return { attachment: fileView(row), content: await d.storage.get(row.storageKey) };
  }

  /** Evidence for a milestone: uploaded first, then named by the evidence the team submits. */
  async function addToMilestone(milestoneId: string, upload: { fileName: string; content: Readable }, ctx: Ctx): Promise<BidAttachment> {
    await d.milestoneFiles.assertCanAttach(milestoneId, ctx);
    return storeChecked(upload, (file) => d.milestoneFiles.record(milestoneId, file, ctx));
  }

  async function openForMilestone(milestoneId: string, fileId: string, ctx: Ctx): Promise<{ attachment: BidAttachment; content: Readable }> {
    const row = await d.milestoneFiles.find(milestoneId, fileId, ctx);
    return { attachment: fileView(row), content: await d.storage.get(row.storageKey) };
  }

  async function removeFromBid(bidId: string, attachmentId: string, ctx: Ctx): Promise<void> {
    const unreferenced = await d.bidFiles.remove(bidId, attachmentId, ctx);
    // After the commit, as for challenges; a file a submitted version names is kept.
    if (unreferenced) await d.storage.delete(unreferenced).catch(() => undefined);
  }

  async function open(challengeId: string, attachmentId: string, ctx: Ctx): Promise<{ attachment: Attachment; content: Readable }> {
    const status = await d.attachments.challengeStatus(d.db, challengeId);
    if (!status) throw new NotFound('challenge');
    if (ctx.actor && !(await d.access.canSee(challengeId, ctx))) throw new NotFound('challenge');
    if (!(await d.access.canView(challengeId, ctx))) {
      throw ctx.actor ? new Forbidden('you may not see this challenge’s attachments') : new Unauthenticated();
    }
    const row = await d.attachments.find(d.db, challengeId, attachmentId);
    if (!row) throw new NotFound('attachment');
    // A row whose file is gone is our fault, not the caller's: let it surface as a logged 500.
    return { attachment: toAttachment(row), content: await d.storage.get(row.storageKey) };
  }

  async function remove(challengeId: string, attachmentId: string, ctx: Ctx): Promise<void> {
    const actor = requireActor(ctx);
    const status = await editableStatus(challengeId, ctx, 'remove attachments');
    const removed = await d.db.transaction(async (tx) => {
      await lockUnchanged(tx, challengeId, status);
      const row = await d.attachments.delete(tx, challengeId, attachmentId);
      if (!row) throw new NotFound('attachment');
      await appendAudit(tx, {
        at: d.clock.now(),
        actorId: actor.id,
        reqId: ctx.reqId,
        action: 'challenge.attachment_removed',
        entityType: 'challenge',
        entityId: challengeId,
        before: auditDetails(row),
      });
      return row;
    });
    // After the commit: were the file deleted first and the transaction then failed, the
    // attachment would stay listed with nothing behind it. A failure here only leaves an
    // unreachable file; the attachment is gone either way, so the caller is told so.
    await d.storage.delete(removed.storageKey).catch(() => undefined);
  }

  return { add, open, remove, addToBid, openForBid, removeFromBid, addToMilestone, openForMilestone };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
