import type { ReactNode } from 'react';

export type BadgeTone = 'demo' | 'warning' | 'new' | 'info';

/** A small inline label ("demo", "verdwijnend OCMW", "nieuw"). */
export function Badge({ tone, children, title }: { tone: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
