import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from './error-message.js';
import type { LoadState } from './use-load.js';
import { Notice } from './notice.js';

/** A loaded value: "loading…" (status), the error (alert), or the children with the data. */
export function LoadStatus<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return <Notice tone="error">{errorMessage(state.error, t)}</Notice>;
  }
  return <>{children(state.data)}</>;
}

/** Only "loading…" or the error of a load, nothing once it is there (the page shows the data itself). */
export function LoadNotice({ state }: { state: LoadState<unknown> }) {
  return <LoadStatus state={state}>{() => null}</LoadStatus>;
}

/**
 * A detail page whose record is not there (yet): its crumbs and title, then "loading…", or the
 * error with the way back to the list.
 */
export function DetailPending({ crumbs, title, state, back }: { crumbs: ReactNode; title: string; state: LoadState<unknown>; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <>
      {crumbs}
      <h1>{title}</h1>
      {state.status === 'loading' ? (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      ) : (
        <>
          <Notice tone="error">{state.status === 'error' ? errorMessage(state.error, t) : t('app.unexpectedError')}</Notice>
          <p>
            <Link to={back.to}>{back.label}</Link>
          </p>
        </>
      )}
    </>
  );
}
