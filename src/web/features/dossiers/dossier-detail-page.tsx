import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPending } from '../../components/load-status.js';
import { Link, useLocation, useParams } from 'react-router-dom';
import { formatDate } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { Breadcrumbs, displayInsz } from '../access/access-common.js';
import { dossiersApi } from './dossiers-api.js';
import type { DossierDetailData, FormData } from './dossiers-api.js';
import { dossierPaths, registerFor, subtypeLabel } from './dossiers-common.js';
import { DossierFormsTable, stopButtonId } from './dossier-forms-table.js';
import type { RegisteredState } from './register-form-page.js';
import { StopForm } from './stop-form.js';
import { Notice } from '../../components/notice.js';

type PageNotice = { kind: 'registered'; subtype: string; startDate: string } | { kind: 'stopped'; subtype: string; endDate: string };

function registeredOf(state: unknown): RegisteredState['registered'] | undefined {
  const registered = (state as Partial<RegisteredState> | null)?.registered;
  return registered && typeof registered.subtype === 'string' && typeof registered.startDate === 'string' ? registered : undefined;
}

/** One dossier (R9.1): the person, the dates and its forms; a running form can be stopped. */
export function DossierDetailPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const location = useLocation();
  const id = useParams().id ?? '';
  const { state, setData } = useLoad((signal) => dossiersApi.detail(id, signal), `${id}|${language}`);
  const [notice, setNotice] = useState<PageNotice | undefined>(() => {
    const registered = registeredOf(location.state);
    return registered ? { kind: 'registered', subtype: registered.subtype, startDate: registered.startDate } : undefined;
  });
  const [stopping, setStopping] = useState<string | undefined>();
  const [noticeVersion, setNoticeVersion] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const detail = state.status === 'ready' ? state.data : undefined;
  const title = detail ? t('dossiers.detail.title', { insz: displayInsz(detail.insz) }) : t('dossiers.detail.titleLoading');
  useDocumentTitle(title);

  useEffect(() => {
    // The "Stopzetten" button and its form are gone: keep keyboard users on the outcome.
    if (noticeVersion > 0) noticeRef.current?.focus();
  }, [noticeVersion]);

  function onStopped(current: DossierDetailData, stopped: FormData) {
    setData({
      ...current,
      formList: current.formList.map((f) => (f.id === stopped.id ? stopped : f)),
      runningForms: current.formList.filter((f) => (f.id === stopped.id ? stopped : f).status === 'running').length,
    });
    setStopping(undefined);
    setNotice({ kind: 'stopped', subtype: stopped.subtype, endDate: stopped.endDate ?? '' });
    setNoticeVersion((v) => v + 1);
  }

  function onCancelStop(formId: string) {
    setStopping(undefined);
    // Back to the button that opened the form.
    window.setTimeout(() => document.getElementById(stopButtonId(formId))?.focus(), 0);
  }

  const crumbs = <Breadcrumbs items={[{ to: dossierPaths.list, label: t('dossiers.list.title') }, { label: title }]} />;

  if (state.status !== 'ready' || !detail) {
    return <DetailPending crumbs={crumbs} title={title} state={state} back={{ to: dossierPaths.list, label: t('dossiers.detail.backToList') }} />;
  }

  const stoppingForm = stopping ? detail.formList.find((f) => f.id === stopping && f.status === 'running') : undefined;

  return (
    <>
      {crumbs}
      <h1>{title}</h1>

      {notice ? (
        <Notice tone="success" ref={noticeRef} isFocusable>
          {notice.kind === 'registered'
            ? t('dossiers.detail.registered', { subtype: subtypeLabel(notice.subtype, t), start: formatDate(notice.startDate) })
            : t('dossiers.detail.stopped', { subtype: subtypeLabel(notice.subtype, t), end: formatDate(notice.endDate) })}
        </Notice>
      ) : null}

      <dl className="details">
        <dt>{t('dossiers.insz')}</dt>
        <dd>{displayInsz(detail.insz)}</dd>
        <dt>{t('dossiers.openedOn')}</dt>
        <dd>{formatDate(detail.openedOn)}</dd>
        <dt>{t('dossiers.closedOn')}</dt>
        <dd>{detail.closedOn ? formatDate(detail.closedOn) : t('dossiers.notClosed')}</dd>
        <dt>{t('dossiers.list.runningForms')}</dt>
        <dd>{detail.runningForms}</dd>
      </dl>

      <p>
        <Link {...registerFor(detail.insz)}>{t('dossiers.detail.registerFor')}</Link>
      </p>

      <h2 id="dossier-forms-title">{t('dossiers.detail.formsTitle')}</h2>
      {detail.formList.length === 0 ? (
        <Notice>{t('dossiers.detail.noForms')}</Notice>
      ) : (
        <DossierFormsTable
          caption={t('dossiers.detail.caption', { insz: displayInsz(detail.insz) })}
          forms={detail.formList}
          stopping={stopping}
          onStop={(formId) => {
            setNotice(undefined);
            setStopping(formId);
          }}
        />
      )}

      {stoppingForm ? (
        <StopForm key={stoppingForm.id} form={stoppingForm} onStopped={(stopped) => onStopped(detail, stopped)} onCancel={() => onCancelStop(stoppingForm.id)} />
      ) : null}

      <p>
        <Link to={dossierPaths.list}>{t('dossiers.detail.backToList')}</Link>
      </p>
    </>
  );
}
