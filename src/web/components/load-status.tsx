import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message.js';
import type { LoadState } from './use-load.js';

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
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(state.error, t)}
      </p>
    );
  }
  return <>{children(state.data)}</>;
}
