import { describe, expect, it } from 'vitest';
import { SUBSIDY_TYPES, SUBSIDY_TYPE_CODES, CATCH_ALL_TYPES, MAX_JUSTIFICATION as SCHEMA_MAX_JUSTIFICATION, MAX_LINES as SCHEMA_MAX_LINES } from '../../../modules/subsidy-report/subsidy-report.schema.js';
import de from '../../i18n/de.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import nl from '../../i18n/nl.json' with { type: 'json' };
import { CATCH_ALL_TYPE_LIST, MAX_JUSTIFICATION, MAX_LINES, SUBSIDY_TYPE_LIST } from './subsidy-report-api.js';

const catalogues = { nl, fr, de, en } as const;

describe("the editor's copy of the Uniek verslag contract", () => {
  it('lists the schema subsidy types in its order, with the same catch-alls and limits', () => {
    expect(SUBSIDY_TYPE_LIST).toEqual(SUBSIDY_TYPE_CODES);
    expect([...CATCH_ALL_TYPE_LIST]).toEqual([...CATCH_ALL_TYPES]);
    expect(MAX_LINES).toBe(SCHEMA_MAX_LINES);
    expect(MAX_JUSTIFICATION).toBe(SCHEMA_MAX_JUSTIFICATION);
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('names each type in %s as the schema (and the exports) do', (lang) => {
    const types = (catalogues[lang] as unknown as { subsidy: { types: Record<string, string> } }).subsidy.types;
    expect(types).toEqual(Object.fromEntries(SUBSIDY_TYPES.map((t) => [t.code, t.name[lang]])));
  });
});
