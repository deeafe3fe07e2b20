// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { i18n } from '../i18n/index.js';
import { TextField } from './form-field.js';
import { useForm } from './use-form.js';

/** An account form: the name is checked in the browser, the rest by the "server" given. */
function AccountForm({ save }: { save: (name: string) => Promise<void> }) {
  const form = useForm({ prefix: 'account', labels: { name: 'Naam:', username: 'Gebruikersnaam' } });
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      onSubmit={form.submit(async () => {
        if (name.trim() === '') {
          form.fail({ name: 'Dit veld is verplicht.' });
          return false;
        }
        await save(name);
        setSaved(true);
      })}
    >
      {form.summary}
      {saved ? <p>Bewaard</p> : null}
      <TextField id={form.id('name')} label="Naam:" error={form.error('name')} value={name} onChange={(event) => setName(event.target.value)} />
      <TextField id={form.id('username')} label="Gebruikersnaam" error={form.error('username')} defaultValue="" />
      <button type="submit" disabled={form.isBusy}>
        Bewaren
      </button>
    </form>
  );
}

function show(save: (name: string) => Promise<void> = async () => {}) {
  render(
    <I18nextProvider i18n={i18n}>
      <AccountForm save={save} />
    </I18nextProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('nl');
});
afterEach(cleanup);

describe('the form pattern (issue 19): messages at the field and in a focused summary', () => {
  it('shows a failed browser check at its field and in the summary, which takes the focus', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole('heading').textContent).toBe('Er is een probleem met de ingevulde gegevens');
    // A label ending in a colon gets no second one.
    const link = within(summary).getByRole('link', { name: 'Naam: Dit veld is verplicht.' });
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Naam:'));
    const input = screen.getByLabelText('Naam:');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Dit veld is verplicht.');
  });

  it('focuses the summary again on each failed attempt', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await screen.findByRole('alert');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Bewaren' }) as HTMLButtonElement).disabled).toBe(false));
    screen.getByLabelText('Naam:').focus();
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
  });

  it("puts the server's refusal at its fields, and a message for a field the form lacks as text", async () => {
    show(async () => {
      throw new ApiError(400, 'validation', 'Het account is niet bewaard.', { username: 'Deze naam bestaat al.', kbo: 'Onbekend.' });
    });
    fireEvent.change(screen.getByLabelText('Naam:'), { target: { value: 'Boekhouding' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Het account is niet bewaard.');
    expect(within(summary).getByRole('link', { name: 'Gebruikersnaam: Deze naam bestaat al.' })).toBeTruthy();
    expect(within(summary).getByText('Onbekend.').tagName).toBe('LI');
    expect(screen.getByLabelText('Gebruikersnaam').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Naam:').getAttribute('aria-invalid')).toBeNull();
  });

  it('is busy while saving and clears the errors once it is saved', async () => {
    let finish: () => void = () => {};
    show(() => new Promise<void>((resolve) => (finish = resolve)));
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await screen.findByRole('alert');
    fireEvent.change(screen.getByLabelText('Naam:'), { target: { value: 'Boekhouding' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Bewaren' }) as HTMLButtonElement).disabled).toBe(true));
    finish();
    expect(await screen.findByText('Bewaard')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Bewaren' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says something went wrong, not the cause, when the server fails', async () => {
    show(async () => {
      throw new ApiError(500, 'internal', 'stack trace');
    });
    fireEvent.change(screen.getByLabelText('Naam:'), { target: { value: 'Boekhouding' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Er ging iets mis. Probeer het later opnieuw.');
  });
});
