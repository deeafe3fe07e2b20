import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import type { UiLanguage } from '../../i18n/index.js';
import { helpRequestsApi } from './help-requests-api.js';
import type { CompetentOcmwData, OcmwLookupData } from './help-requests-api.js';

const LOOKUP_DELAY_MS = 250;

/** The lookup of the residence (R6.2): for which postcode, municipality and language it was asked. */
export type Lookup =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; data: OcmwLookupData }
  | { status: 'error'; key: string; message: string };

const lookupKey = (postcode: string, nis: string, language: UiLanguage) => `${postcode}|${nis}|${language}`;
export const isPostcode = (postcode: string) => /^\d{4}$/.test(postcode);

/** The message of a failed lookup: the postcode's own message when the API names it. */
function lookupErrorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return error.fields.postcode ?? error.fields.nis ?? (error.message || fallback);
  return fallback;
}

/**
 * The competent OCMW of the citizen's residence, following the postcode (and the municipality when
 * the postcode has several) as typed; the last answer's municipalities stay while the next loads.
 */
export function useOcmwLookup(typedPostcode: string, typedNis: string, language: UiLanguage) {
  const { t } = useTranslation();
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const [lastLookup, setLastLookup] = useState<OcmwLookupData | undefined>();
  const postcode = typedPostcode.trim();
  const municipalities = lastLookup && lastLookup.postcode === postcode ? lastLookup.municipalities : [];
  const needsMunicipality = municipalities.length > 1;
  const nis = needsMunicipality && municipalities.some((m) => m.nis === typedNis) ? typedNis : '';
  const currentKey = lookupKey(postcode, nis, language);
  const ocmw: CompetentOcmwData | null = lookup.status === 'ready' && lookup.key === currentKey ? lookup.data.ocmw : null;

  useEffect(() => {
    if (!isPostcode(postcode)) {
      setLookup({ status: 'idle' });
      return;
    }
    const key = lookupKey(postcode, nis, language);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLookup({ status: 'loading', key });
      helpRequestsApi
        .lookup({ postcode, ...(nis ? { nis } : {}), language }, controller.signal)
        .then((data) => {
          if (controller.signal.aborted) return;
          setLookup({ status: 'ready', key, data });
          setLastLookup(data);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setLookup({ status: 'error', key, message: lookupErrorMessage(error, t('helpRequests.citizen.lookupFailed')) });
        });
    }, LOOKUP_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `t` changes with the language, which is in the key already.
  }, [postcode, nis, language]);

  /** The answer for what is typed now: the one on screen, or asked right away (at "Controleren"). */
  async function answerNow(): Promise<Lookup> {
    if ((lookup.status === 'ready' || lookup.status === 'error') && lookup.key === currentKey) return lookup;
    let answer: Lookup;
    try {
      const data = await helpRequestsApi.lookup({ postcode, ...(nis ? { nis } : {}), language });
      answer = { status: 'ready', key: currentKey, data };
      setLastLookup(data);
    } catch (error) {
      answer = { status: 'error', key: currentKey, message: lookupErrorMessage(error, t('helpRequests.citizen.lookupFailed')) };
    }
    setLookup(answer);
    return answer;
  }

  /** What the status line under the postcode says. */
  function statusText(): string {
    if (!isPostcode(postcode)) return '';
    if (lookup.status === 'loading' || lookup.status === 'idle') return t('helpRequests.citizen.lookupBusy');
    if (lookup.status === 'error') return lookup.message;
    if (lookup.data.ocmw) return t('helpRequests.citizen.yourOcmw', { name: lookup.data.ocmw.name });
    if (lookup.data.municipalities.length > 1) return t('helpRequests.citizen.chooseMunicipalityHint');
    return t('helpRequests.citizen.ocmwUnknown');
  }

  return { postcode, municipalities, needsMunicipality, nis, ocmw, receiptDate: lastLookup?.receiptDate, answerNow, statusText };
}

export type OcmwLookup = ReturnType<typeof useOcmwLookup>;
