import { useId, useLayoutEffect, useRef } from 'react';

export interface FieldLink {
  /** The id of the input the message is about; without one the message is shown as text. */
  inputId?: string;
  message: string;
}

/**
 * The list of what went wrong above a form; focuses itself when it appears, so keyboard users
 * land on it. Give it a new `key` for each failed attempt to focus it again. It focuses in the
 * commit that shows it (a layout effect): nothing, not a screen reader nor a test, finds it
 * shown but not yet focused.
 */
export function ErrorSummary({ title, message, fields }: { title: string; message?: string; fields: FieldLink[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `${useId()}-error-summary-title`;
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {title}
      </h2>
      {message ? <p>{message}</p> : null}
      {fields.length > 0 ? (
        <ul className="error-summary__list">
          {fields.map((field) => (
            <li key={field.inputId ?? field.message}>
              {field.inputId === undefined ? (
                field.message
              ) : (
              <a
                href={`#${field.inputId}`}
                onClick={(event) => {
                  event.preventDefault();
                  if (field.inputId) document.getElementById(field.inputId)?.focus();
                }}
              >
                {field.message}
              </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
