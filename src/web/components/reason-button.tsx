import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'aria-disabled' | 'aria-describedby'> & {
  /** Unique on the page: the reason's element is `${id}-reason`. */
  id: string;
  /** Why the button cannot work now; undefined when it can. */
  disabledReason?: string | undefined;
  /** Busy (a request is running): disabled without a reason to show. */
  busy?: boolean;
  children: ReactNode;
};

/**
 * Issue 19: a button that cannot work says why, instead of failing after a click. It stays in the
 * tab order (aria-disabled, clicks ignored) so a keyboard or screen-reader user reaches it and
 * hears the reason through aria-describedby; the reason is shown beside it for everyone.
 */
export function ReasonButton({ id, disabledReason, busy, onClick, className, children, ...rest }: Props) {
  const reasonId = `${id}-reason`;
  const isBlocked = disabledReason !== undefined;
  return (
    <span className="reason-button">
      <button
        {...rest}
        id={id}
        type={rest.type ?? 'button'}
        className={isBlocked ? `${className ?? 'button'} button--blocked` : className}
        disabled={busy && !isBlocked ? true : undefined}
        aria-disabled={isBlocked ? true : undefined}
        aria-describedby={isBlocked ? reasonId : undefined}
        onClick={(event) => {
          if (isBlocked) {
            event.preventDefault();
            return;
          }
          onClick?.(event);
        }}
      >
        {children}
      </button>
      {isBlocked ? (
        <span id={reasonId} className="reason-button__reason">
          {disabledReason}
        </span>
      ) : null}
    </span>
  );
}
