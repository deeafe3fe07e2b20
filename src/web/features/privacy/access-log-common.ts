/** Issue 24: the path of the data protection officer's access log page (small: the header imports it). */
export const ACCESS_LOG_PATH = '/privacy/toegangslog';
/** The application that opens it (Toegangsbeheer grants it like any other). */
export const PRIVACY_PERMISSION = 'app:privacy-officer';
