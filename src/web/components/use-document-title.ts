import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> – OCMW Portaal" (WCAG 2.4.2). */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${product}` : product;
  }, [pageTitle, product]);
}
