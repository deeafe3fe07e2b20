/** Issue 24: the path of the data protection officer's access log page (small: the header imports it). */
export const ACCESS_LOG_PATH = '/privacy/toegangslog';
/** The application that opens it (Toegangsbeheer grants it like any other). */
export const PRIVACY_PERMISSION = 'app:privacy-officer';

/** Paths of the other privacy screens (issue 24). */
export const privacyPaths = {
  retention: '/privacy/bewaartermijnen',
  subjectRequest: '/privacy/verzoeken',
};

/** The platform administrator and the privacy officers read the retention settings. */
export const RETENTION_PERMISSIONS = ['platform.admin', PRIVACY_PERMISSION] as const;
export const SUBJECT_REQUEST_PERMISSION = PRIVACY_PERMISSION;
