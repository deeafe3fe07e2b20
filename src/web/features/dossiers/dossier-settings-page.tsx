import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { choiceOrganisationName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { usePermissions } from '../access/access-common.js';
import { DossierSettingsPanel } from './dossier-settings-panel.js';
import { DOSSIER_PERMISSION, dossierPaths } from './dossiers-common.js';

/**
 * The R9.4 setting on its own page: the entrance of the OCMW-configuratie administrators, who
 * may change it but do not see the dossiers themselves (those are for "Sociale Agent").
 */
export function DossierSettingsPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const context = useSession().session?.context;
  const { has } = usePermissions();
  const title = t('dossiers.settings.pageTitle');
  useDocumentTitle(title);

  return (
    <>
      <h1>{title}</h1>
      {context?.organisation ? <p className="lead">{t('dossiers.list.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <DossierSettingsPanel />
      <p>
        {has(DOSSIER_PERMISSION) ? <Link to={dossierPaths.list}>{t('dossiers.settings.toList')}</Link> : <Link to="/">{t('notFound.home')}</Link>}
      </p>
    </>
  );
}
