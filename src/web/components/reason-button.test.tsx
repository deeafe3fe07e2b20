// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { undoRefusal } from '../../modules/merger/cutover-rules.js';
import { renderMessage } from '../i18n/messages.js';
import { ReasonButton } from './reason-button.js';

afterEach(cleanup);

describe('ReasonButton: a button that cannot work says why (issue 19)', () => {
  it('works as a button when there is no reason', () => {
    const onClick = vi.fn();
    render(
      <ReasonButton id="undo" className="button" onClick={onClick}>
        Overgang ongedaan maken
      </ReasonButton>,
    );
    const button = screen.getByRole('button', { name: 'Overgang ongedaan maken' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(button.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is aria-disabled, ignores clicks, stays focusable and is described by its reason', () => {
    const onClick = vi.fn();
    render(
      <ReasonButton id="undo" className="button" onClick={onClick} disabledReason="Ongedaan maken kan alleen vóór de ingangsdatum.">
        Overgang ongedaan maken
      </ReasonButton>,
    );
    const button = screen.getByRole('button', { name: 'Overgang ongedaan maken' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    const reason = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toBe('Ongedaan maken kan alleen vóór de ingangsdatum.');
    expect(screen.getByText('Ongedaan maken kan alleen vóór de ingangsdatum.')).toBeTruthy();
  });

  it('is disabled without a reason while busy', () => {
    render(
      <ReasonButton id="run" busy>
        Overgang uitvoeren
      </ReasonButton>,
    );
    const button = screen.getByRole('button', { name: 'Overgang uitvoeren' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBeNull();
  });
});

describe('undoRefusal: the server rule, for the button', () => {
  const applied = { effectiveDate: '2027-01-01', status: 'applied' };
  it.each([
    ['the day before the effective date', applied, '2026-12-31', undefined],
    ['on the effective date', applied, '2027-01-01', 'merger.undo_too_late'],
    ['after it', applied, '2027-03-01', 'merger.undo_too_late'],
    ['when nothing was applied', { ...applied, status: 'planned' }, '2026-12-07', 'merger.undo_not_applied'],
  ])('%s', (_when, merger, today, key) => {
    expect(undoRefusal(merger, today)?.key).toBe(key);
  });

  it('reads as the server says it, in the reader’s language', () => {
    const refusal = undoRefusal(applied, '2027-01-02')!;
    expect(renderMessage(refusal, 'nl')).toBe('Ongedaan maken kan alleen vóór de ingangsdatum (01/01/2027): vanaf dan werken gebruikers en software met het fusie-OCMW.');
    expect(renderMessage(refusal, 'fr')).toContain("L'annulation n'est possible qu'avant la date d'effet (01/01/2027)");
  });
});
