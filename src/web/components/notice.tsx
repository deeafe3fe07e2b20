import type { ReactNode, Ref } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

/**
 * A message block above or below a form: an error is an alert, a success a status (both
 * announced by screen readers), info and warning are read in their place. `focusable` lets a
 * page move focus to it after an action, so keyboard users land on the outcome.
 */
export function Notice({
  tone = 'info',
  children,
  ref,
  id,
  isFocusable,
  testId,
}: {
  tone?: NoticeTone;
  children: ReactNode;
  ref?: Ref<HTMLParagraphElement>;
  id?: string;
  isFocusable?: boolean;
  testId?: string;
}) {
  const role = tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined;
  return (
    <p ref={ref} id={id} role={role} tabIndex={isFocusable ? -1 : undefined} data-testid={testId} className={tone === 'info' ? 'notice' : `notice notice--${tone}`}>
      {children}
    </p>
  );
}
