// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from './notice.js';

afterEach(cleanup);

describe('Notice: one message block for every page (issue 19)', () => {
  it.each([
    ['error', 'alert', 'notice notice--error'],
    ['success', 'status', 'notice notice--success'],
  ] as const)('a %s notice is announced as %s', (tone, role, className) => {
    render(<Notice tone={tone}>Bewaard.</Notice>);
    const notice = screen.getByRole(role);
    expect(notice.textContent).toBe('Bewaard.');
    expect(notice.className).toBe(className);
  });

  it.each([
    [undefined, 'notice'],
    ['warning', 'notice notice--warning'],
  ] as const)('a %s notice is read in its place, without a live role', (tone, className) => {
    render(<Notice tone={tone}>Geen resultaten.</Notice>);
    const notice = screen.getByText('Geen resultaten.');
    expect(notice.getAttribute('role')).toBeNull();
    expect(notice.className).toBe(className);
  });

  it('can take the focus after an action, so a keyboard user lands on the outcome', () => {
    const ref = createRef<HTMLParagraphElement>();
    render(
      <Notice tone="success" ref={ref} isFocusable id="saved">
        Bewaard.
      </Notice>,
    );
    ref.current?.focus();
    expect(document.activeElement?.id).toBe('saved');
    expect(ref.current?.getAttribute('tabindex')).toBe('-1');
  });
});
