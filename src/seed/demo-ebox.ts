import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
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

function pdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(title).moveDown();
    doc.fontSize(10);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

export async function seedEboxData(tx: Db, input: EboxSeedInput): Promise<number> {
  const statement = await pdf('NovaPrima – tussentijdse afrekening', [
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
