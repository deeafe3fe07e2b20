import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  /** One message, or a list (each broken rule of a certificate or an FTP password). */
  error?: string | string[];
  hint?: ReactNode;
  required?: boolean;
}

/** The ids of a control's hint and error, for its aria-describedby. */
export function describedBy(id: string, error?: string | string[], hint?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : null, hasError(error) ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function hasError(error: string | string[] | undefined): boolean {
  return Array.isArray(error) ? error.length > 0 : Boolean(error);
}

/** The control's own attributes: its id, and required/invalid/described-by for assistive technology. */
function controlProps({ id, error, hint, required }: FieldProps) {
  return {
    id,
    'aria-required': required ? true : undefined,
    'aria-invalid': hasError(error) ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
  } as const;
}

/**
 * A control's label, hint and error around it. In a table's cell (`isInCell`) the column header says
 * what the control is, so its label is read by screen readers only and the group takes no margin.
 */
export function FieldFrame({ id, label, error, hint, required, isInCell, children }: FieldProps & { isInCell?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={hasError(error) ? 'form__group form__group--error' : 'form__group'} style={isInCell ? { marginBottom: 0 } : undefined}>
      <label htmlFor={id} className={isInCell ? 'visually-hidden' : 'form__label'}>
        {label}
        {required ? (
          <>
            {' '}
            <span aria-hidden="true">*</span>
            <span className="visually-hidden"> ({t('form.required')})</span>
          </>
        ) : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="form__hint">
          {hint}
        </p>
      ) : null}
      {Array.isArray(error) && error.length > 1 ? (
        <ul id={`${id}-error`} className="form__error form__error-list">
          {error.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : hasError(error) ? (
        <p id={`${id}-error`} className="form__error">
          {Array.isArray(error) ? error[0] : error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A labelled text input with its hint and error wired through aria-describedby and aria-invalid. */
export function TextField({
  id,
  label,
  error,
  hint,
  required,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      <input
        {...controlProps({ id, label, error, hint, required })}
        className="form__input"
        type="text"
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled select, wired like TextField. */
export function SelectField({
  id,
  label,
  error,
  hint,
  required,
  children,
  ...select
}: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      <select
        {...controlProps({ id, label, error, hint, required })}
        className="form__input"
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A labelled file input (one file), wired like TextField; the browser keeps the chosen file. */
export function FileField({
  id,
  label,
  error,
  hint,
  required,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required' | 'type' | 'value'>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      <input
        {...controlProps({ id, label, error, hint, required })}
        className="form__input form__input--file"
        type="file"
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line text, wired like TextField. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  required,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required}>
      <textarea
        {...controlProps({ id, label, error, hint, required })}
        className="form__input form__textarea"
        {...textarea}
      />
    </FieldFrame>
  );
}
