import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import { formatDate } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { mutationDescription, replacedTogether } from '../../../modules/configuration/mutation-catalogue.js';
import type { LoadState } from '../../components/use-load.js';
import { configurationApi } from './configuration-api.js';
import type { CatalogueEntry, MutationHistoryData } from './configuration-api.js';
import { SaveActions, useSectionForm } from './configuration-common.js';
import type { SectionProps } from './configuration-common.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'config-mutation';

/** "Mutaties" (R4.3, R4.4): one checkbox per mutation type, MURA and MUPS per sub-type; history below. */
export function MutationsSection(props: SectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const catalogue = useLoad((signal) => configurationApi.catalogue(signal), 'catalogue');
  const history = useLoad((signal) => configurationApi.mutationHistory(signal), 'history');
  const form = useSectionForm<string[]>(props.view.mutations.selected, props, async (selected) => {
    const view = await configurationApi.saveMutations(selected);
    history.reload();
    return view;
  });
  const { value, setValue, baseline, errors } = form;
  const unselected = baseline.filter((code) => !value.includes(code));
  // Issue 19: a type and the one that replaces it (the guide's "Vervangt") deliver the same facts twice.
  const overlaps = replacedTogether(value);

  if (catalogue.state.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  if (catalogue.state.status === 'error') {
    return <Notice tone="error">{errorMessage(catalogue.state.error, t)}</Notice>;
  }
  const entries = catalogue.state.data;
  const toggle = (code: string, isChecked: boolean) =>
    setValue(entries.map((e) => e.code).filter((c) => (c === code ? isChecked : value.includes(c))));

  const row = (entry: CatalogueEntry) => {
    const id = `${PREFIX}-${entry.code}`;
    const code = entry.group ? entry.code.slice(entry.group.length) : entry.code;
    return (
      <tr key={entry.code}>
        <td className={entry.group ? 'config-mutations__sub' : undefined}>
          <label htmlFor={id}>
            {entry.group ? <span className="visually-hidden">{entry.group}</span> : null}
            <strong>{code}</strong> {mutationDescription(entry.code, language) ?? entry.description}
          </label>
          {props.view.mutations.since[entry.code] ? (
            <span className="form__hint config-mutations__since">
              {' '}
              {t('configuration.mutations.since', { date: formatDate(props.view.mutations.since[entry.code]!) })}
            </span>
          ) : null}
        </td>
        <td className="config-mutations__select">
          <input
            type="checkbox"
            id={id}
            className="checkbox__input"
            checked={value.includes(entry.code)}
            onChange={(event) => toggle(entry.code, event.target.checked)}
          />
        </td>
      </tr>
    );
  };
  const groups = [...new Set(entries.map((e) => e.group).filter((g): g is string => g !== null))];

  return (
    <form className="form" noValidate onSubmit={(event) => void form.onSubmit(event)} aria-labelledby="config-section-title">
      <h2 id="config-section-title">{t('configuration.sections.mutations')}</h2>
      <p>{t('configuration.mutations.intro')}</p>
      <p>{t('configuration.mutations.wholeOcmw')}</p>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.message}
          fields={summaryLinks(errors, { selected: { id: `${PREFIX}-table`, label: t('configuration.mutations.title') } })}
        />
      ) : null}
      {fieldError(errors, 'selected') ? <p className="form__error">{fieldError(errors, 'selected')}</p> : null}
      <div className="table-scroll">
        <table className="table config-mutations" id={`${PREFIX}-table`} tabIndex={-1}>
          <caption>{t('configuration.mutations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('configuration.mutations.type')}</th>
              <th scope="col">{t('configuration.mutations.select')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.filter((e) => e.group === null).map(row)}
            {groups.map((group) => (
              <Fragment key={group}>
                <tr>
                  <th scope="rowgroup" colSpan={2} id={`${PREFIX}-group-${group}`}>
                    {group}
                  </th>
                </tr>
                {entries.filter((e) => e.group === group).map(row)}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {unselected.length > 0 ? (
        <div className="notice notice--warning" role="note">
          <p>{t('configuration.mutations.unselectWarning', { codes: unselected.join(', ') })}</p>
        </div>
      ) : null}
      {overlaps.length > 0 ? (
        <div className="notice notice--warning" role="note" aria-live="polite">
          {overlaps.map((overlap) => (
            <p key={overlap.code}>{t('configuration.mutations.replacedWarning', { code: overlap.code, replaced: overlap.replaced.join(', ') })}</p>
          ))}
        </div>
      ) : null}
      <p className="form__hint">{t('configuration.mutations.later')}</p>
      <SaveActions isBusy={form.isBusy} isSaved={form.isSaved} />
      <MutationHistory state={history.state} />
    </form>
  );
}

function MutationHistory({ state }: { state: LoadState<MutationHistoryData[]> }) {
  const { t } = useTranslation();
  if (state.status !== 'ready') return null;
  return (
    <section aria-labelledby="config-mutation-history-title">
      <h3 id="config-mutation-history-title">{t('configuration.mutations.history')}</h3>
      {state.data.length === 0 ? (
        <p>{t('configuration.mutations.noHistory')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby="config-mutation-history-title">
            <thead>
              <tr>
                <th scope="col">{t('configuration.mutations.type')}</th>
                <th scope="col">{t('configuration.mutations.validFrom')}</th>
                <th scope="col">{t('configuration.mutations.validTo')}</th>
                <th scope="col">{t('configuration.mutations.selectedBy')}</th>
                <th scope="col">{t('configuration.mutations.unselectedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((item) => (
                <tr key={`${item.mutationType}-${item.validFrom}-${item.validTo ?? ''}`}>
                  <td>{item.mutationType}</td>
                  <td className="nowrap">{formatDate(item.validFrom)}</td>
                  <td className="nowrap">{item.validTo ? formatDate(item.validTo) : '—'}</td>
                  <td>{item.selectedBy ?? '—'}</td>
                  <td>{item.unselectedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
