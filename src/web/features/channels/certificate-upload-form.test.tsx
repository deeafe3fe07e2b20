// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api.js';
import { i18n } from '../../i18n/index.js';
import { CertificateUploadForm } from './certificate-upload-form.js';

afterEach(cleanup);
beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function show(send: Parameters<typeof CertificateUploadForm>[0]['send']) {
  render(
    <I18nextProvider i18n={i18n}>
      <CertificateUploadForm
        prefix="cert"
        isSelfSignedAllowed
        send={send}
        actions={(isBusy) => (
          <button type="submit" disabled={isBusy}>
            Laden
          </button>
        )}
      />
    </I18nextProvider>,
  );
}

const chooseFile = () =>
  fireEvent.change(document.getElementById('cert-certificate')!, { target: { files: [new File(['-----BEGIN CERTIFICATE-----'], 'ocmw.cer')] } });

describe('CertificateUploadForm: one certificate file and its name (issue 19)', () => {
  it('sends nothing without a file and says so at the field, in the summary', async () => {
    const send = vi.fn();
    show(send);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Laden' })));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: /Kies een certificaatbestand/ }).getAttribute('href')).toBe('#cert-certificate');
  });

  it('sends the name and the file read as base64', async () => {
    const send = vi.fn(async () => undefined);
    show(send);
    fireEvent.change(document.getElementById('cert-certificateName')!, { target: { value: 'OCMW REST 2026' } });
    chooseFile();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Laden' })));
    await waitFor(() => expect(send).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith({ certificateName: 'OCMW REST 2026', certificate: { fileName: 'ocmw.cer', contentBase64: expect.any(String) } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("puts the server's refusal at its field", async () => {
    show(async () => {
      throw new ApiError(400, 'validation', 'Controleer de gegevens.', { certificateName: 'Geef een naam.' });
    });
    chooseFile();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Laden' })));
    expect((await screen.findByRole('link', { name: /Geef een naam/ })).getAttribute('href')).toBe('#cert-certificateName');
    expect((screen.getByRole('button', { name: 'Laden' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
