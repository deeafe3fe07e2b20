/**
 * Every problem in one answer (issue 18): a cross-field rule runs even when a field already failed
 * (an INSZ that does not parse, a missing object), so a form and an API client see all of them at
 * once — and a body of the wrong shape (null, a string, an array) is refused, never a crash.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BulkBody } from '../modules/access/access.schema.js';
import { TechnicalBody } from '../modules/configuration/configuration.schema.js';
import { RegisterFormBody } from '../modules/dossiers/dossiers.schema.js';
import { CitizenRequestBody } from '../modules/help-requests/help-requests.schema.js';
import { MergerBody } from '../modules/merger/merger.schema.js';

const problems = (schema: z.ZodType, body: unknown) => {
  const r = schema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('a cross-field rule runs beside a field that failed', () => {
  it.each([
    [
      'citizen form: an unreadable INSZ and no way to reach the citizen',
      CitizenRequestBody,
      { language: 'nl', kinds: ['leefloon'], postcode: '2000', surname: 'Peeters', firstName: 'An', insz: '123', email: '', phone: '', message: 'Hulp' },
      ['insz:Invalid input', 'email:online.contact_required', 'phone:online.contact_required'],
    ],
    [
      'dossier form: an unreadable INSZ, a type of the other kind, an end before the start',
      RegisterFormBody,
      { insz: '123', kind: 'integration', subtype: 'medische-kosten', startDate: '2025-02-01', endDate: '2025-01-01' },
      ['insz:insz.length', 'subtype:dossier.subtype_kind', 'endDate:dossier.end_before_start'],
    ],
    [
      'technical data: contacts missing and "Andere" without saying which',
      TechnicalBody,
      { networkProvider: 'Andere', softwareVendors: ['Andere'] },
      ['technicalContact:Invalid input: expected object, received undefined', 'networkProviderOther:config.other_required', 'softwareVendorOther:config.other_required'],
    ],
    ['bulk action: a bad user id and no applications to add', BulkBody, { action: 'addApplications', userIds: ['x'] }, ['userIds.0:Invalid UUID', 'applications:bulk.applications_required']],
  ] as const)('%s', (_, schema, body, expected) => {
    const found = problems(schema as z.ZodType, body);
    expect(found).toEqual(expect.arrayContaining([...expected]));
  });
});

describe('a body of the wrong shape is refused, never a crash', () => {
  const schemas = { CitizenRequestBody, RegisterFormBody, TechnicalBody, BulkBody, MergerBody };
  it.each(Object.entries(schemas).flatMap(([name, schema]) => [null, 'x', [], 5, {}, { kinds: 'x', softwareVendors: 'Andere', action: 5, kind: 'x', subtype: 5, startDate: 3, endDate: {} }].map((body) => [name, schema, body] as const)))(
    '%s with %j',
    (_, schema, body) => {
      expect(() => problems(schema as z.ZodType, body)).not.toThrow();
      expect(problems(schema as z.ZodType, body).length).toBeGreaterThan(0);
    },
  );
});
