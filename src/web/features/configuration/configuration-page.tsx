import { useState } from 'react';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Navigate, NavLink, useParams } from 'react-router-dom';
import type { Section } from '../../../modules/configuration/configuration.schema.js';
import { Badge } from '../../components/badge.js';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { configurationApi } from './configuration-api.js';
import { SECTION_LIST, configurationPaths, sectionOfSlug } from './configuration-common.js';
import type { SectionProps } from './configuration-common.js';
import { ContactSection } from './contact-section.js';
import { MutationsSection } from './mutations-section.js';
import { OnlineSection } from './online-section.js';
import { TechnicalSection } from './technical-section.js';

const SECTION_COMPONENTS: Record<Section, (props: SectionProps) => JSX.Element> = {
  mutations: MutationsSection,
  technical: TechnicalSection,
  contact: ContactSection,
  online: OnlineSection,
};

/**
 * OCMW-configuratie (SPEC §4): the guide's menu on the left, the chosen section's form on the
 * right. Nothing is saved before "Bewaren"; leaving a section with changes asks first.
 */
export function ConfigurationPage() {
  const { t } = useTranslation();
  const section = sectionOfSlug(useParams().section);
  const { state, setData } = useLoad((signal) => configurationApi.view(signal), 'view');
  const [isDirty, setDirty] = useState(false);
  const title = section ? `${t('configuration.sections.' + section)} – ${t('configuration.title')}` : t('configuration.title');
  useDocumentTitle(title);

  if (!section) return <Navigate to={configurationPaths.section('mutations')} replace />;
  const SectionForm = SECTION_COMPONENTS[section];

  return (
    <>
      <h1>{t('configuration.title')}</h1>
      {state.status === 'ready' ? <p className="lead">{t('configuration.organisation', { name: state.data.organisation.name })}</p> : null}
      <div className="config">
        <nav className="config__menu" aria-label={t('configuration.menu')}>
          <h2 className="config__menu-title">{t('configuration.menu')}</h2>
          <ul className="config__menu-list">
            {SECTION_LIST.map((s) => {
              const isComplete = state.status === 'ready' && state.data.complete[s];
              return (
                <li key={s}>
                  <NavLink to={configurationPaths.section(s)} className="config__menu-link">
                    <span>{t(`configuration.sections.${s}`)}</span>
                    {state.status === 'ready' ? (
                      <>
                        {' '}
                        <Badge tone={isComplete ? 'info' : 'warning'}>{isComplete ? t('configuration.complete') : t('configuration.incomplete')}</Badge>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              );
            })}
            <li>
              <NavLink to={configurationPaths.receivedMutations} className="config__menu-link">
                {t('configuration.received.title')}
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="config__section">
          <LoadStatus state={state}>
            {(data) => <SectionForm key={section} view={data} onSaved={setData} onDirtyChange={setDirty} />}
          </LoadStatus>
        </div>
      </div>
      <UnsavedChangesGuard
        isDirty={isDirty}
        texts={{ title: t('configuration.leave.title'), body: t('configuration.leave.body'), confirm: t('configuration.leave.confirm'), cancel: t('configuration.leave.cancel') }}
      />
    </>
  );
}
