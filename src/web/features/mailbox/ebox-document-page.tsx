import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPending } from '../../components/load-status.js';
import { Link, useParams } from 'react-router-dom';
import { Badge } from '../../components/badge.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { Breadcrumbs, usePermissions } from '../access/access-common.js';
import { eboxApi } from './ebox-api.js';
import type { EboxDocumentDetailData } from './ebox-api.js';
import { DeletedBadge, EBOX_PRIVILEGED_PERMISSION, displayKbo, eboxPaths, formatSize } from './ebox-common.js';
import { Notice } from '../../components/notice.js';

type Outcome = { kind: 'hidden' | 'restored' | 'error'; text: string; version: number };

const DELETE_BUTTON_ID = 'ebox-delete';
const RESTORE_BUTTON_ID = 'ebox-restore';

/**
 * One e-Box document (R10.1): sender, title, category, dates, the main content (opening it marks
 * it read) and the attachment with its size and SHA-256 checksum. "e-Box Bevoorrechte gebruiker"
 * deletes it (after a confirmation) and puts it back.
 */
export function EboxDocumentPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const id = useParams().id ?? '';
  const privileged = usePermissions().has(EBOX_PRIVILEGED_PERMISSION);
  const { state, setData } = useLoad((signal) => eboxApi.detail(id, signal), `${id}|${language}`);
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const doc = state.status === 'ready' ? state.data : undefined;
  const title = doc ? doc.title : t('ebox.document.titleLoading');
  useDocumentTitle(doc ? `${doc.title} – ${t('ebox.list.title')}` : title);

  useEffect(() => {
    // The button pressed is replaced by its opposite: keep keyboard users on the outcome.
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  function report(kind: Outcome['kind'], text: string) {
    setOutcome((previous) => ({ kind, text, version: (previous?.version ?? 0) + 1 }));
  }

  async function change(current: EboxDocumentDetailData, visible: boolean) {
    setBusy(true);
    try {
      const summary = visible ? await eboxApi.restore(current.id) : await eboxApi.hide(current.id);
      // The answer is the summary: keep the content, the read and the hidden details up to date.
      const fresh = await eboxApi.detail(current.id).catch(() => ({ ...current, ...summary }));
      setData(fresh);
      setConfirming(false);
      report(visible ? 'restored' : 'hidden', t(visible ? 'ebox.restored' : 'ebox.document.hidden', { title: current.title }));
    } catch (error) {
      setConfirming(false);
      report('error', errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  const crumbs = <Breadcrumbs items={[{ to: eboxPaths.list, label: t('ebox.list.title') }, { label: title, isOthersText: Boolean(doc) }]} />;

  if (state.status !== 'ready' || !doc) {
    return <DetailPending crumbs={crumbs} title={title} state={state} back={{ to: eboxPaths.list, label: t('ebox.document.backToList') }} />;
  }

  const attachment = doc.attachment;

  return (
    <>
      {crumbs}
      {/* The sender's title and text are the sender's words, not the portal's: not translated. */}
      <h1 data-user-content="">{doc.title}</h1>
      {!doc.visible || doc.isRsz ? (
        <p>
          {doc.visible ? null : <DeletedBadge />}
          {doc.isRsz ? (
            <>
              {' '}
              <Badge tone="info">{t('ebox.rsz')}</Badge>
            </>
          ) : null}
        </p>
      ) : null}

      {outcome ? (
        <p
          key={outcome.version}
          ref={outcomeRef}
          tabIndex={-1}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={outcome.kind === 'error' ? 'notice notice--error' : 'notice notice--success'}
        >
          {outcome.text}
        </p>
      ) : null}

      {!doc.visible ? <Notice tone="warning">{t('ebox.document.hiddenInfo', { at: doc.hiddenAt ? formatDateTime(doc.hiddenAt) : '–', by: doc.hiddenBy ?? '–' })}</Notice> : null}

      <dl className="details">
        <dt>{t('ebox.list.sender')}</dt>
        <dd>
          {doc.sender.name}
          {doc.sender.kbo ? <> ({t('ebox.document.kbo', { kbo: displayKbo(doc.sender.kbo) })})</> : null}
        </dd>
        <dt>{t('ebox.list.category')}</dt>
        {/* The sender's own classification (free text of the publishing institution). */}
        <dd data-user-content="">{doc.category}</dd>
        <dt>{t('ebox.list.messageType')}</dt>
        <dd data-user-content="">{doc.messageType}</dd>
        <dt>{t('ebox.documentDate')}</dt>
        <dd>{formatDate(doc.documentDate)}</dd>
        <dt>{t('ebox.receivedAt')}</dt>
        <dd>
          <time dateTime={doc.receivedAt}>{formatDateTime(doc.receivedAt)}</time>
        </dd>
        <dt>{t('ebox.document.readAt')}</dt>
        <dd>{doc.readAt ? t('ebox.document.atBy', { at: formatDateTime(doc.readAt), by: doc.readBy ?? '–' }) : '–'}</dd>
      </dl>

      <h2 id="ebox-body-title">{t('ebox.document.bodyTitle')}</h2>
      <div className="panel" data-user-content="" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', paddingBottom: '0.75rem' }}>
        {doc.body}
      </div>

      <h2 id="ebox-attachment-title">{t('ebox.document.attachmentTitle')}</h2>
      {attachment ? (
        <>
          <p>
            <a className="button" href={eboxApi.attachmentUrl(doc.id)} download={attachment.name}>
              {t('ebox.document.download', { name: attachment.name })}
              <span className="visually-hidden"> ({formatSize(attachment.size, language, t)})</span>
            </a>
          </p>
          <dl className="details">
            <dt>{t('ebox.document.fileName')}</dt>
            <dd>{attachment.name}</dd>
            <dt>{t('ebox.document.fileType')}</dt>
            <dd>{attachment.mime}</dd>
            <dt>{t('ebox.document.fileSize')}</dt>
            <dd>
              {formatSize(attachment.size, language, t)}
              {attachment.size >= 1024 ? ` (${t('ebox.size.bytes', { count: attachment.size })})` : null}
            </dd>
            <dt>{t('ebox.document.checksum')}</dt>
            <dd>
              <code style={{ overflowWrap: 'anywhere' }}>{attachment.sha256}</code>
              <br />
              <span className="form__hint">{t('ebox.document.checksumHint')}</span>
            </dd>
          </dl>
        </>
      ) : (
        <p>{t('ebox.document.noAttachment')}</p>
      )}

      {privileged ? (
        <section aria-labelledby="ebox-manage-title" className="panel">
          <h2 id="ebox-manage-title">{doc.visible ? t('ebox.document.deleteTitle') : t('ebox.document.restoreTitle')}</h2>
          {doc.visible ? (
            <>
              <p>{t('ebox.document.deleteIntro')}</p>
              <button type="button" id={DELETE_BUTTON_ID} className="button button--danger" disabled={isBusy} onClick={() => setConfirming(true)}>
                {t('ebox.delete')}
              </button>
            </>
          ) : (
            <>
              <p>{t('ebox.document.restoreIntro')}</p>
              <button type="button" id={RESTORE_BUTTON_ID} className="button button--primary" disabled={isBusy} onClick={() => void change(doc, true)}>
                {t('ebox.restore')}
              </button>
            </>
          )}
        </section>
      ) : null}

      <ConfirmDialog
        open={isConfirming}
        title={t('ebox.document.confirmTitle')}
        confirmLabel={t('ebox.delete')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onConfirm={() => void change(doc, false)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('ebox.document.confirmBody', { title: doc.title })}</p>
      </ConfirmDialog>

      <p>
        <Link to={doc.visible ? eboxPaths.list : eboxPaths.deleted}>{t(doc.visible ? 'ebox.document.backToList' : 'ebox.document.backToDeleted')}</Link>
      </p>
    </>
  );
}
