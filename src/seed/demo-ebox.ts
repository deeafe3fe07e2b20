import { createHash } from 'node:crypto';
import type { Db } from '../db/db.js';
import { addDays } from '../domain/clock.js';
import { mailboxRepo } from '../modules/mailbox/index.js';

/**
 * e-Box demo documents (N1, R8.2): what a disappearing OCMW keeps receiving after its merger —
 * a NovaPrima interim statement (PDF), a list of warning lights (CSV) and an RSZ document — for
 * OCMW Borsbeek, and two documents for OCMW Antwerpen.
 */
export interface EboxSeedInput {
  today: string;
  antwerpenId: string;
  borsbeekId: string;
  rsz: { id: string; name: string };
  podMi: { id: string; name: string };
}

/** Text in a PDF string: WinAnsi bytes (the en dash and the euro sign of the demo included), escaped. */
function pdfText(text: string): string {
  const winAnsi: Record<string, number> = { '–': 0x96, '€': 0x80 };
  const bytes = [...text].map((c) => winAnsi[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f));
  return Buffer.from(bytes).toString('latin1').replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * A one-page A4 PDF of a title and lines of text in Helvetica. Written here rather than with
 * pdfkit (issue 20: ≈ 30 MiB and 0.15 s to load at a first start, for one demo document).
 */
export function demoPdf(title: string, lines: string[]): Buffer {
  const content = [
    'BT /F1 16 Tf 50 780 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 10 Tf 0 -32 Td 14 TL',
    ...lines.map((line) => `(${pdfText(line)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    // The document's title as a text string: UTF-16BE with its byte order mark.
    `<< /Title <FEFF${Buffer.from(title, 'utf16le').swap16().toString('hex').toUpperCase()}> /Producer (OCMW Portal demo) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function seedEboxData(tx: Db, input: EboxSeedInput): Promise<number> {
  const statement = demoPdf('NovaPrima – tussentijdse afrekening', [
    'OCMW Borsbeek (opgegaan in OCMW Antwerpen op 1 januari 2025)',
    'Laattijdige regularisaties van het jaar 2024.',
    'Dossier 2024/0173: terugbetaling medische kosten – € 412,50',
    'Dossier 2024/0219: terugbetaling farmaceutische kosten – € 96,20',
  ]);
  const knipperlichten = Buffer.from('insz;reden;datum\n85073003328;dubbele tenlasteneming;2025-02-03\n', 'utf8');
  const attachment = (name: string, mime: string, bytes: Buffer) => ({
    attachmentName: name,
    attachmentMime: mime,
    attachmentBase64: bytes.toString('base64'),
    attachmentSha256: createHash('sha256').update(bytes).digest('hex'),
    attachmentSize: bytes.length,
  });
  const none = { attachmentName: null, attachmentMime: null, attachmentBase64: null, attachmentSha256: null, attachmentSize: null };
  const docs = [
    {
      organisationId: input.borsbeekId,
      sender: input.podMi,
      title: 'NovaPrima: tussentijdse maandafrekening',
      category: 'NovaPrima',
      messageType: 'afrekening',
      isRsz: false,
      daysAgo: 3,
      body: 'In bijlage de tussentijdse maandafrekening voor laattijdige regularisaties van 2024. Controleer de bedragen en meld afwijkingen binnen 30 dagen.',
      ...attachment('novaprima-tussentijdse-afrekening.pdf', 'application/pdf', statement),
    },
    {
      organisationId: input.borsbeekId,
      sender: input.podMi,
      title: 'Lijst knipperlichten en geblokkeerde formulieren',
      category: 'Knipperlichten',
      messageType: 'lijst',
      isRsz: false,
      daysAgo: 1,
      body: 'De lijst van knipperlichten van deze maand: één dossier met een dubbele tenlasteneming. Geblokkeerde formulieren: geen.',
      ...attachment('knipperlichten.csv', 'text/csv', knipperlichten),
    },
    {
      organisationId: input.borsbeekId,
      sender: input.rsz,
      title: 'Bevestiging van de laatste DmfA-aangifte',
      category: 'RSZ',
      messageType: 'bevestiging',
      isRsz: true,
      daysAgo: 6,
      body: 'De RSZ bevestigt de ontvangst van de DmfA-aangifte van het vierde kwartaal 2024.',
      ...none,
    },
    {
      organisationId: input.antwerpenId,
      sender: input.podMi,
      title: 'Omzendbrief: indexering van het leefloon',
      category: 'Omzendbrief',
      messageType: 'informatie',
      isRsz: false,
      daysAgo: 2,
      body: 'Het leefloon wordt geïndexeerd. De nieuwe bedragen gelden vanaf de eerste dag van de volgende maand.',
      ...none,
    },
    {
      organisationId: input.antwerpenId,
      sender: input.rsz,
      title: 'Werkgeversrekening: overzicht van het kwartaal',
      category: 'RSZ',
      messageType: 'overzicht',
      isRsz: true,
      daysAgo: 8,
      body: 'Het overzicht van uw werkgeversrekening voor het afgelopen kwartaal staat klaar.',
      ...none,
    },
  ];
  for (const d of docs) {
    const day = addDays(input.today, -d.daysAgo);
    const { sender, daysAgo: _d, ...row } = d;
    await mailboxRepo.insertDocument(tx, {
      ...row,
      senderOrganisationId: sender.id,
      senderName: sender.name,
      documentDate: day,
      receivedAt: new Date(`${day}T09:30:00+01:00`),
    });
  }
  return docs.length;
}
