import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field.js';
import type { Form } from '../../components/use-form.js';
import type { BulkAction, BulkResultData } from './access-api.js';
import { ApplicationCheckboxes } from './application-fields.js';

/** What a bulk action did, with the names of the users as they were on the page. */
export interface BulkResult {
  data: BulkResultData;
  names: Map<string, string>;
  action: BulkAction;
}

/** The outcome of a bulk action (R2.11) per user; takes the focus when it appears. */
export function BulkResultNotice({ result }: { result: BulkResult }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  const { data } = result;
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="bulk-result-title" className="notice notice--success" role="status">
      <h2 id="bulk-result-title" className="notice__title">
        {t('access.bulk.resultTitle', { action: t(`access.bulk.actions.${result.action}`) })}
      </h2>
      <p>{t('access.bulk.resultCounts', { done: data.done, refused: data.refused, unchanged: data.results.length - data.done - data.refused })}</p>
      <ul>
        {data.results.map((r) => (
          <li key={r.userId}>
            {result.names.get(r.userId) ?? r.userId}: <strong>{t(`access.bulk.outcomes.${r.outcome}`)}</strong>
            {r.reason ? ` – ${r.reason}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The bulk action under the user table: the action, the applications it adds or removes, "execute". */
export function BulkFieldset({
  form,
  actions,
  action,
  onAction,
  applications,
  onApplications,
  count,
}: {
  form: Form;
  actions: BulkAction[];
  action: BulkAction | '';
  onAction: (action: BulkAction | '') => void;
  applications: string[];
  onApplications: (applications: string[]) => void;
  count: number;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset bulk">
      <legend>{t('access.bulk.title', { count })}</legend>
      {form.summary}
      <SelectField
        id={form.id('action')}
        label={t('access.bulk.action')}
        error={form.error('action')}
        value={action}
        onChange={(event) => onAction(event.target.value as BulkAction | '')}
      >
        <option value="">{t('access.bulk.choose')}</option>
        {actions.map((a) => (
          <option key={a} value={a}>
            {t(`access.bulk.actions.${a}`)}
          </option>
        ))}
      </SelectField>
      {action.endsWith('Applications') ? (
        <ApplicationCheckboxes prefix="bulk" value={applications} onChange={onApplications} error={form.error('applications')} />
      ) : null}
      <button type="submit" className="button button--primary">
        {t('access.bulk.execute')}
      </button>
    </fieldset>
  );
}
