import { useTranslation } from 'react-i18next';
import type { MergerSummary } from '../../../modules/merger/merger.schema.js';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { Badge, DemoBadge } from '../../components/badge.js';
import { formatDate } from '../../components/format.js';
import { DataTable } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';

/** A disappearing OCMW: a source of a merger whose target is another organisation. */
export interface DisappearingRow {
  organisation: OrganisationSummary;
  merger: MergerSummary;
}

/** The disappearing OCMWs of the mergers: those sources that do not keep their KBO number. */
export function disappearingOf(mergers: MergerSummary[]): DisappearingRow[] {
  return mergers.flatMap((merger) => merger.sources.filter((source) => !source.keepsKbo).map((source) => ({ organisation: source.organisation, merger })));
}

/**
 * Each disappearing OCMW with its merger, effective date and access; "end" or "restore", and from
 * the effective date on "reopen the report" of the year before.
 */
export function OrganisationAccessTable({
  rows,
  today,
  nameOf,
  onAccess,
  onReopen,
}: {
  rows: DisappearingRow[];
  today: string;
  nameOf: (organisation: OrganisationSummary) => string;
  onAccess: (row: DisappearingRow) => void;
  onReopen: (row: DisappearingRow) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<DisappearingRow>[] = [
    {
      key: 'organisation',
      header: t('orgAccess.colOrganisation'),
      isRowHeader: true,
      cell: ({ organisation }) => (
        <>
          {nameOf(organisation)}
          <DemoBadge isDemo={organisation.isDemo} />
          <br />
          <span className="nowrap">{t('mergers.kbo', { kbo: organisation.kboFormatted })}</span>
        </>
      ),
    },
    {
      key: 'merger',
      header: t('orgAccess.colMerger'),
      cell: ({ merger }) => (
        <>
          {merger.name}
          <br />
          {t('orgAccess.mergesInto', { target: nameOf(merger.target.organisation) })}
        </>
      ),
    },
    { key: 'effectiveDate', header: t('orgAccess.colEffectiveDate'), className: 'nowrap', cell: ({ merger }) => formatDate(merger.effectiveDate) },
    {
      key: 'access',
      header: t('orgAccess.colAccess'),
      cell: ({ organisation, merger }) =>
        organisation.accessEndedOn !== null ? (
          <Badge tone="warning">{t('orgAccess.stateEnded', { date: formatDate(organisation.accessEndedOn) })}</Badge>
        ) : (
          <>
            <Badge tone="new">{t('orgAccess.stateActive')}</Badge>
            {today && today < merger.effectiveDate ? (
              <>
                <br />
                {t('orgAccess.notYet', { date: formatDate(merger.effectiveDate) })}
              </>
            ) : null}
          </>
        ),
    },
    {
      key: 'action',
      header: t('orgAccess.colAction'),
      label: '',
      cell: (row) => {
        const isEnded = row.organisation.accessEndedOn !== null;
        const name = nameOf(row.organisation);
        return (
          <>
            <button type="button" className={isEnded ? 'button' : 'button button--danger'} onClick={() => onAccess(row)}>
              {isEnded ? t('orgAccess.restore') : t('orgAccess.end')}
              <span className="visually-hidden"> – {name}</span>
            </button>
            {today >= row.merger.effectiveDate ? (
              <button type="button" className="button" onClick={() => onReopen(row)}>
                {t('orgAccess.reopen')}
                <span className="visually-hidden"> – {name}</span>
              </button>
            ) : null}
          </>
        );
      },
    },
  ];
  return <DataTable id="org-access" caption={t('orgAccess.caption')} columns={columns} rows={rows} rowKey={(row) => row.organisation.id} />;
}
