import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadNotice } from '../../components/load-status.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { usePermissions } from '../access/access-common.js';
import { formatDateTime } from '../../components/format.js';
import { dossiersApi } from './dossiers-api.js';
import type { DossierSettingsData } from './dossiers-api.js';
import { SETTINGS_EDIT_PERMISSION } from './dossiers-common.js';

const PREFIX = 'dossier-settings';

type Outcome = { kind: 'saved' | 'unchanged' } | { kind: 'error'; message: string };

/** Who changed the setting last, and when; or that it still has its default. */
function LastChange({ settings }: { settings: DossierSettingsData }) {
  const { t } = useTranslation();
  return (
    <p className="form__hint" id={`${PREFIX}-last-change`}>
      {settings.updatedAt
        ? t('dossiers.settings.updated', { by: settings.updatedBy ?? '?', at: formatDateTime(settings.updatedAt) })
        : t('dossiers.settings.neverChanged')}
    </p>
  );
}

/**
 * R9.4 "handled by the software vendor": at a merger the portal then lists the running forms
 * instead of stopping and re-entering them. Read-only text for the agents; a checkbox, "opslaan"
 * and a confirmation for the OCMW-configuratie administrators (the server checks again).
 */
export function DossierSettingsPanel() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { has } = usePermissions();
  const canEdit = has(SETTINGS_EDIT_PERMISSION);
  const { state, setData } = useLoad((signal) => dossiersApi.settings(signal), `dossier-settings|${language}`);
  const [draft, setDraft] = useState<boolean | undefined>();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [outcomeVersion, setOutcomeVersion] = useState(0);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const settings = state.status === 'ready' ? state.data : undefined;
  const value = draft ?? settings?.handledByVendor ?? false;

  useEffect(() => {
    // The dialog closed on a new outcome: keep keyboard users on it.
    if (outcomeVersion > 0) outcomeRef.current?.focus();
  }, [outcomeVersion]);

  function show(next: Outcome) {
    setOutcome(next);
    setOutcomeVersion((v) => v + 1);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings) return;
    if (value === settings.handledByVendor) {
      show({ kind: 'unchanged' });
      return;
    }
    setOutcome(undefined);
    setConfirming(true);
  }

  async function onConfirm() {
    setBusy(true);
    try {
      const saved = await dossiersApi.saveSettings(value);
      setData(saved);
      setDraft(undefined);
      setConfirming(false);
      show({ kind: 'saved' });
    } catch (error) {
      setConfirming(false);
      show({ kind: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${PREFIX}-title`}>
      <h2 id={`${PREFIX}-title`}>{t('dossiers.settings.title')}</h2>
      <p>{t('dossiers.settings.intro')}</p>
      <LoadNotice state={state} />

      {outcome ? (
        <p
          ref={outcomeRef}
          tabIndex={-1}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={outcome.kind === 'error' ? 'notice notice--error' : 'notice notice--success'}
        >
          {outcome.kind === 'error' ? outcome.message : t(`dossiers.settings.${outcome.kind}`)}
        </p>
      ) : null}

      {settings && !canEdit ? (
        <>
          <dl className="details">
            <dt>{t('dossiers.settings.question')}</dt>
            <dd>{settings.handledByVendor ? t('dossiers.settings.yes') : t('dossiers.settings.no')}</dd>
          </dl>
          <LastChange settings={settings} />
          <p>{t('dossiers.settings.readOnly')}</p>
        </>
      ) : null}

      {settings && canEdit ? (
        <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${PREFIX}-title`}>
          <div className="checkbox">
            <input
              type="checkbox"
              className="checkbox__input"
              id={`${PREFIX}-handledByVendor`}
              checked={value}
              aria-describedby={`${PREFIX}-hint ${PREFIX}-last-change`}
              onChange={(event) => {
                setDraft(event.target.checked);
                setOutcome(undefined);
              }}
            />
            <label className="checkbox__label" htmlFor={`${PREFIX}-handledByVendor`}>
              {t('dossiers.settings.question')}
            </label>
            <p className="checkbox__description" id={`${PREFIX}-hint`}>
              {t('dossiers.settings.hint')}
            </p>
          </div>
          <LastChange settings={settings} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={isBusy}>
              {t('dossiers.settings.save')}
            </button>
          </div>
        </form>
      ) : null}

      <ConfirmDialog
        open={isConfirming}
        title={t('dossiers.settings.confirmTitle')}
        confirmLabel={t('dossiers.settings.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{value ? t('dossiers.settings.confirmOn') : t('dossiers.settings.confirmOff')}</p>
      </ConfirmDialog>
    </section>
  );
}
