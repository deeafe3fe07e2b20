import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type BadgeTone = 'demo' | 'warning' | 'new' | 'info';

/** A small inline label ("demo", "verdwijnend OCMW", "nieuw"). */
export function Badge({ tone, children, title }: { tone: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

/** "demo" after an organisation's name when it is a demo organisation (nothing otherwise), its long text as the tooltip. */
export function DemoBadge({ isDemo, isSpaced = true }: { isDemo: boolean | undefined; isSpaced?: boolean }) {
  const { t } = useTranslation();
  if (!isDemo) return null;
  return (
    <>
      {isSpaced ? ' ' : null}
      <Badge tone="demo" title={t('choice.demoLong')}>
        {t('choice.demo')}
      </Badge>
    </>
  );
}
