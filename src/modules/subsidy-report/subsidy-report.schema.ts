/**
 * Uniek verslag contracts (SPEC R10.2): the subsidy types, the report's lines, the request and
 * response shapes. Isomorphic: the web UI builds its form from the same types and checks.
 */
import { z } from 'zod';
import { IsoDate, Language } from '../../shared/schema.js';
import type { Language as Lang } from '../../shared/messages.js';

type Text = Record<Lang, string>;

/**
 * The subsidies an OCMW justifies in its Uniek verslag [choice]: the POD MI's recurring
 * subsidies, the energy funds, article 60 §7 employment, and two catch-alls.
 */
export const SUBSIDY_TYPES = [
  {
    code: 'leefloon',
    name: { nl: 'Leefloon (staatstoelage)', fr: "Revenu d'intégration (subvention de l'État)", de: 'Eingliederungseinkommen (Staatszuschuss)', en: 'Living wage (state subsidy)' },
  },
  {
    code: 'gpmi',
    name: {
      nl: 'Geïndividualiseerd project voor maatschappelijke integratie (GPMI)',
      fr: "Projet individualisé d'intégration sociale (PIIS)",
      de: 'Individualisiertes Projekt zur sozialen Eingliederung (IPSE)',
      en: 'Individualised social integration project (GPMI)',
    },
  },
  {
    code: 'sociale-participatie',
    name: { nl: 'Participatie en sociale activering', fr: 'Participation et activation sociale', de: 'Teilhabe und soziale Aktivierung', en: 'Participation and social activation' },
  },
  {
    code: 'kinderarmoede',
    name: { nl: 'Bestrijding van kinderarmoede', fr: 'Lutte contre la pauvreté infantile', de: 'Bekämpfung der Kinderarmut', en: 'Fighting child poverty' },
  },
  {
    code: 'energie',
    name: { nl: 'Gas- en elektriciteitsfonds (energie)', fr: 'Fonds gaz et électricité (énergie)', de: 'Gas- und Stromfonds (Energie)', en: 'Gas and electricity fund (energy)' },
  },
  {
    code: 'stookoliefonds',
    name: { nl: 'Sociaal Stookoliefonds', fr: 'Fonds social chauffage', de: 'Sozialer Heizölfonds', en: 'Social heating oil fund' },
  },
  {
    code: 'tewerkstelling-art60',
    name: { nl: 'Tewerkstelling artikel 60 §7', fr: "Mise à l'emploi article 60 §7", de: 'Beschäftigung nach Artikel 60 §7', en: 'Employment under article 60 §7' },
  },
  {
    code: 'maatschappelijke-integratie-andere',
    name: { nl: 'Maatschappelijke integratie – andere', fr: 'Intégration sociale – autre', de: 'Soziale Eingliederung – sonstige', en: 'Social integration – other' },
  },
  {
    code: 'andere',
    name: { nl: 'Andere subsidie', fr: 'Autre subvention', de: 'Sonstiger Zuschuss', en: 'Other subsidy' },
  },
] as const satisfies readonly { code: string; name: Text }[];

export type SubsidyTypeCode = (typeof SUBSIDY_TYPES)[number]['code'];
export const SUBSIDY_TYPE_CODES = SUBSIDY_TYPES.map((t) => t.code) as [SubsidyTypeCode, ...SubsidyTypeCode[]];
export const SubsidyType = z.enum(SUBSIDY_TYPE_CODES);

/** The catch-all types: they may occur on several lines, each with a justification saying what it is. */
export const CATCH_ALL_TYPES: readonly SubsidyTypeCode[] = ['maatschappelijke-integratie-andere', 'andere'];

export function subsidyTypeName(code: string, lang: Lang): string {
  const t = SUBSIDY_TYPES.find((s) => s.code === code);
  return t ? t.name[lang] : code;
}

export const MAX_LINES = 50;
export const MAX_AMOUNT_EUROS = 1_000_000_000;
export const MAX_JUSTIFICATION = 2000;

/** An amount in euros: a JSON number ≥ 0, ≤ 1e9, with at most 2 decimals (stored as integer cents). */
export const Euros = z.number().min(0).max(MAX_AMOUNT_EUROS).multipleOf(0.01);

/** Exact euros → cents for a value that passed `Euros` (12.34 * 100 is 1233.9999…, hence the rounding). */
export function toCents(euros: number): number {
  return Math.round(euros * 100);
}

export const SubsidyLineInput = z.strictObject({
  subsidyType: SubsidyType,
  amountGranted: Euros,
  amountUsed: Euros,
  justification: z.string().trim().max(MAX_JUSTIFICATION).default(''),
});
export type SubsidyLineInput = z.infer<typeof SubsidyLineInput>;

export const UpdateLinesBody = z.strictObject({ lines: z.array(SubsidyLineInput).max(MAX_LINES) });
export type UpdateLinesBody = z.infer<typeof UpdateLinesBody>;

export const CreateReportBody = z.strictObject({ year: z.number().int().min(2000).max(2100) });

export const ExportQuery = z.strictObject({ format: z.enum(['pdf', 'xlsx']), lang: Language.optional() });

export interface LineProblem {
  /** Dotted field path, e.g. `lines.2.justification`. */
  field: string;
  key: 'subsidy.justification_required' | 'subsidy.justification_other' | 'subsidy.type_duplicate';
  params?: Record<string, number>;
}

/**
 * The checks across a line's fields [choice]: a justification is required when the amount used
 * differs from the amount granted (more used is allowed: the OCMW paid the rest itself, and says
 * so) and on a catch-all line; each subsidy other than a catch-all appears on one line only.
 */
export function lineProblems(lines: SubsidyLineInput[]): LineProblem[] {
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const justified = line.justification.trim().length > 0;
    if (toCents(line.amountGranted) !== toCents(line.amountUsed) && !justified) {
      problems.push({ field: `lines.${i}.justification`, key: 'subsidy.justification_required' });
    } else if (CATCH_ALL_TYPES.includes(line.subsidyType) && !justified) {
      problems.push({ field: `lines.${i}.justification`, key: 'subsidy.justification_other' });
    }
    if (!CATCH_ALL_TYPES.includes(line.subsidyType)) {
      const first = seen.get(line.subsidyType);
      if (first !== undefined) problems.push({ field: `lines.${i}.subsidyType`, key: 'subsidy.type_duplicate', params: { line: first + 1 } });
      else seen.set(line.subsidyType, i);
    }
  });
  return problems;
}

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);

export const FilingWindowDates = z.object({ from: z.string(), to: z.string() });
export const WindowState = z.enum(['before', 'open', 'closed']);

/** A rule's explanation: a stable key (for callers that act on it) and the text in the caller's language. */
export const Notice = z.object({ key: z.string(), message: z.string() });

export const SubsidyLine = z.object({
  position: z.number().int(),
  subsidyType: z.string(),
  amountGranted: z.number(),
  amountUsed: z.number(),
  amountGrantedCents: z.number().int(),
  amountUsedCents: z.number().int(),
  justification: z.string(),
});

export const Totals = z.object({
  granted: z.number(),
  used: z.number(),
  grantedCents: z.number().int(),
  usedCents: z.number().int(),
});

export const ReportSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  status: ReportStatus,
  lineCount: z.number().int(),
  totals: Totals,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  window: FilingWindowDates,
  windowState: WindowState,
  /** R10.2′: the last day of a window a platform administrator reopened for this OCMW and year. */
  reopenedUntil: z.string().nullable(),
});

export const ReportDetail = ReportSummary.extend({
  organisation: z.object({ id: z.string(), name: z.string(), kbo: z.string(), kboFormatted: z.string() }),
  lines: z.array(SubsidyLine),
  canEdit: z.boolean(),
  /** True when submitting now would succeed (a draft, with lines, in the window, the year rule met). */
  canSubmit: z.boolean(),
  /** Why it cannot be submitted now (window, year rule or no lines); null when it can, or once submitted. */
  submitBlocked: Notice.nullable(),
  /** Information about the year (e.g. the last report before a merger). */
  note: Notice.nullable(),
});

export const FileableYear = z.object({
  year: z.number().int(),
  window: FilingWindowDates,
  windowState: WindowState,
  /** Whether this organisation may file (create a report for) this year. */
  allowed: z.boolean(),
  reasonKey: z.string().optional(),
  /** Why not, in the caller's language. */
  reason: z.string().optional(),
  note: Notice.optional(),
  /** The organisation's report of that year, when there is one. */
  reportId: z.string().nullable(),
  status: ReportStatus.nullable(),
});

export const ReportList = z.object({ reports: z.array(ReportSummary), fileable: z.array(FileableYear) });

/** R10.2′: a platform administrator reopens the filing window of one OCMW and year, until a date, with a reason. */
export const ReopenWindowBody = z.strictObject({
  organisationId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  until: IsoDate,
  reason: z.string().trim().min(5).max(500),
});
export type ReopenWindowBody = z.infer<typeof ReopenWindowBody>;

export const Reopening = z.object({
  organisationId: z.string(),
  kbo: z.string(),
  organisation: z.string(),
  year: z.number().int(),
  until: z.string(),
  reason: z.string(),
  reopenedBy: z.string(),
  reopenedAt: z.string(),
});
export const ReopeningList = z.object({ items: z.array(Reopening) });
