import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../components/form-errors.js';
import { fieldError } from '../../components/form-errors.js';
import { FieldFrame, describedBy } from '../../components/form-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { LINE_FIELDS, inputId, needsJustification } from './line-drafts.js';
import type { LineField } from './line-drafts.js';
import { MAX_JUSTIFICATION, SUBSIDY_TYPE_LIST } from './subsidy-report-api.js';
import { subsidyTypeLabel } from './subsidy-report-common.js';
import { AMOUNT_FIELDS } from './subsidy-report-validation.js';
import type { LineDraft } from './subsidy-report-validation.js';

/**
 * One line of the editor: the subsidy, the amounts granted and used, the justification (its hint
 * says when it is required) and "Verwijderen"; each control is labelled with its line number and
 * carries the message the browser's check or the server gave for it.
 */
export function LineRow({
  line,
  index,
  errors,
  fieldLabels,
  onChange,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  errors: FormErrors | undefined;
  fieldLabels: Record<LineField, string>;
  onChange: (field: LineField, value: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const ids = Object.fromEntries(LINE_FIELDS.map((f) => [f, inputId(index, f)])) as Record<LineField, string>;
  const err = Object.fromEntries(LINE_FIELDS.map((f) => [f, fieldError(errors, `lines.${index}.${f}`)])) as Record<LineField, string | undefined>;
  const label = (field: LineField) => t('subsidy.lines.fieldOfLine', { field: fieldLabels[field], line: index + 1 });
  const needs = needsJustification(line, language);
  const justificationHint = needs ? t(`subsidy.lines.justificationNeeded.${needs}`) : undefined;
  return (
    <tr>
      <th scope="row">{index + 1}</th>
      <td>
        <FieldFrame isInCell id={ids.subsidyType} label={label('subsidyType')} error={err.subsidyType}>
          <select
            id={ids.subsidyType}
            className="form__input"
            style={{ minWidth: '14rem' }}
            aria-required
            aria-invalid={err.subsidyType ? true : undefined}
            aria-describedby={describedBy(ids.subsidyType, err.subsidyType)}
            value={line.subsidyType}
            onChange={(event) => onChange('subsidyType', event.target.value)}
          >
            <option value="">{t('subsidy.lines.chooseType')}</option>
            {SUBSIDY_TYPE_LIST.map((code) => (
              <option key={code} value={code}>
                {subsidyTypeLabel(code, t)}
              </option>
            ))}
          </select>
        </FieldFrame>
      </td>
      {AMOUNT_FIELDS.map((field) => (
        <td key={field}>
          <FieldFrame isInCell id={ids[field]} label={label(field)} error={err[field]}>
            <input
              id={ids[field]}
              className="form__input"
              style={{ minWidth: '8rem', textAlign: 'right' }}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              aria-required
              aria-invalid={err[field] ? true : undefined}
              aria-describedby={[describedBy(ids[field], err[field]), 'subsidy-amount-hint'].filter(Boolean).join(' ')}
              value={line[field]}
              onChange={(event) => onChange(field, event.target.value)}
            />
          </FieldFrame>
        </td>
      ))}
      <td>
        <FieldFrame isInCell id={ids.justification} label={label('justification')} error={err.justification} hint={justificationHint}>
          <textarea
            id={ids.justification}
            className="form__input form__textarea"
            style={{ minWidth: '16rem' }}
            rows={2}
            maxLength={MAX_JUSTIFICATION}
            aria-required={needs ? true : undefined}
            aria-invalid={err.justification ? true : undefined}
            aria-describedby={describedBy(ids.justification, err.justification, justificationHint)}
            value={line.justification}
            onChange={(event) => onChange('justification', event.target.value)}
          />
        </FieldFrame>
      </td>
      <td>
        <button type="button" className="button button--link" onClick={onRemove}>
          {t('subsidy.lines.remove')}
          <span className="visually-hidden"> {t('subsidy.lines.which', { line: index + 1 })}</span>
        </button>
      </td>
    </tr>
  );
}
