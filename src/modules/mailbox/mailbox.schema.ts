/**
 * e-Box contracts (R10.1, R8.2): what an institution publishes, the organisation's list and
 * document views, and the home-page summary. Isomorphic: the web UI uses the same shapes.
 * Paging and filters follow the public e-Box Enterprise REST conventions (page/pageSize ≤ 100).
 */
import { z } from 'zod';
import { IsoDate, Kbo } from '../../shared/schema.js';

/** The attachment types an institution may publish (checked against the content too). */
export const EBOX_MIME_TYPES = [
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
] as const;
export const EboxMimeType = z.enum(EBOX_MIME_TYPES);
export type EboxMimeType = z.infer<typeof EboxMimeType>;

/** 5 MiB decoded; larger attachments are refused with 413 payload_too_large. */
export const EBOX_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const EBOX_BODY_MAX_CHARS = 100_000;

const Text = (max: number) => z.string().trim().min(1, { message: 'field.required' }).max(max);

export const PublishAttachment = z.strictObject({
  /** Letters, digits, spaces and . _ - ( ); the extension fits the type (checked by the service). */
  fileName: Text(200),
  mimeType: EboxMimeType,
  /** Base64 (line breaks allowed); decoded at most 5 MiB; the bytes must match mimeType. */
  contentBase64: z.string().min(1, { message: 'field.required' }),
});

/** What an institution publishes: the recipient by KBO, as a real institution knows it. */
export const PublishDocumentBody = z.strictObject({
  recipientKbo: Kbo,
  title: Text(200),
  category: Text(60),
  messageType: Text(60),
  /** RSZ documents need "Documenten RSZ in e-Box" to be read. */
  rsz: z.boolean().default(false),
  documentDate: IsoDate,
  /** The main content; opening it marks the document read. */
  body: z
    .string()
    .max(EBOX_BODY_MAX_CHARS)
    .refine((s) => s.trim().length > 0, { message: 'field.required', params: { messageKey: 'field.required' } }),
  attachment: PublishAttachment.optional(),
  /** Issue 23: the attachment is also offered in /ebox/ of the OCMW's SFTP file channel. */
  channelDelivery: z.boolean().optional(),
});
export type PublishDocumentInput = z.input<typeof PublishDocumentBody>;
export type PublishDocument = z.infer<typeof PublishDocumentBody>;

/** The CLI's file (`ocmw ebox publish FILE.json`): the publish body plus the sender's KBO. */
export const PublishDocumentFile = PublishDocumentBody.extend({ senderKbo: Kbo });

export const AttachmentInfo = z.object({ name: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });

export const PublishedDocument = z.object({
  id: z.string(),
  recipient: z.object({ kbo: z.string(), name: z.string() }),
  receivedAt: z.string(),
  attachment: AttachmentInfo.nullable(),
});

const BoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const EboxListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** true: read documents only; false: unread only. */
  read: BoolQuery.optional(),
  /** false: the deleted (hidden) documents, for privileged users only. Default true. */
  visible: BoolQuery.optional(),
  /** Received strictly after / before this instant (ISO 8601 with offset). */
  receivedAfter: z.iso.datetime({ offset: true }).optional(),
  receivedBefore: z.iso.datetime({ offset: true }).optional(),
  /** Part of the sender's name, or its KBO. */
  sender: z.string().trim().min(1).max(200).optional(),
  messageType: z.string().trim().min(1).max(60).optional(),
  category: z.string().trim().min(1).max(60).optional(),
});
export type EboxListFilter = z.infer<typeof EboxListQuery>;

export const EboxDocumentSummary = z.object({
  id: z.string(),
  sender: z.object({ name: z.string(), kbo: z.string().nullable() }),
  title: z.string(),
  category: z.string(),
  messageType: z.string(),
  isRsz: z.boolean(),
  documentDate: z.string(),
  receivedAt: z.string(),
  read: z.boolean(),
  visible: z.boolean(),
  attachment: AttachmentInfo.nullable(),
});
export type EboxDocumentSummary = z.infer<typeof EboxDocumentSummary>;

export const EboxDocumentDetail = EboxDocumentSummary.extend({
  body: z.string(),
  readAt: z.string().nullable(),
  readBy: z.string().nullable(),
  /** Set while the document is deleted (hidden). */
  hiddenAt: z.string().nullable(),
  hiddenBy: z.string().nullable(),
});

export const EboxDocumentPage = z.object({
  items: z.array(EboxDocumentSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Unread, visible documents the caller may read (whatever the filters). */
  unreadCount: z.number().int(),
});

/** The home page (R8.2): unread documents, and the warning of a disappearing OCMW. */
export const EboxSummary = z.object({
  unread: z.number().int(),
  disappearing: z.object({ mergedInto: z.string(), effectiveDate: z.string() }).nullable(),
});
