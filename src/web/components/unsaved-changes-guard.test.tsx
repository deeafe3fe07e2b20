// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Link, RouterProvider, createMemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnsavedChangesGuard } from './unsaved-changes-guard.js';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(cleanup);

const texts = { title: 'Pagina verlaten?', body: 'Niet bewaarde wijzigingen gaan verloren.', confirm: 'Verlaten', cancel: 'Blijven' };

function show(isDirty: boolean) {
  const router = createMemoryRouter(
    [
      {
        path: '/form',
        element: (
          <>
            <h1>Formulier</h1>
            <Link to="/elders">Elders</Link>
            <UnsavedChangesGuard isDirty={isDirty} texts={texts} />
          </>
        ),
      },
      { path: '/elders', element: <h1>Elders</h1> },
    ],
    { initialEntries: ['/form'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('UnsavedChangesGuard: leaving a form with unsaved changes asks first (issue 19)', () => {
  it('lets a clean form go at once', async () => {
    const router = show(false);
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elders' })));
    expect(router.state.location.pathname).toBe('/elders');
  });

  it('holds a dirty form: "Blijven" stays, "Verlaten" goes', async () => {
    const router = show(true);
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elders' })));
    expect(router.state.location.pathname).toBe('/form');
    const dialog = screen.getByRole('dialog', { name: 'Pagina verlaten?' });
    expect(dialog.textContent).toContain('Niet bewaarde wijzigingen gaan verloren.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Blijven' })));
    expect(router.state.location.pathname).toBe('/form');
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elders' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Verlaten' })));
    expect(router.state.location.pathname).toBe('/elders');
  });

  it("asks the browser's own question when the page is left while dirty", () => {
    show(true);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
