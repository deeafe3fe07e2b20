import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../components/format.js';
import { DataTable } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';
import type { AccountData, DelegationData } from './chaman-api.js';
import { CertificateExpiry, chamanPaths, displayKbo, permissionLabel } from './chaman-common.js';

/** The FTP/SFTP or web-service accounts of the home page; the web services also say who manages them. */
export function AccountTable({ id, caption, accounts, showManagement }: { id: string; caption: string; accounts: AccountData[]; showManagement: boolean }) {
  const { t } = useTranslation();
  const columns: Column<AccountData>[] = [
    { key: 'name', header: t('chaman.col.name'), isRowHeader: true, cell: (account) => account.name },
    { key: 'kind', header: t('chaman.col.type'), cell: (account) => account.kind },
    ...(showManagement
      ? [
          {
            key: 'management',
            header: t('chaman.col.management'),
            cell: (account: AccountData) =>
              account.management === 'external'
                ? t('chaman.management.externalShort', { intermediary: account.intermediary?.name ?? '' })
                : account.management === 'internal'
                  ? t('chaman.management.internalShort')
                  : '—',
          },
        ]
      : []),
    { key: 'expires', header: t('chaman.col.expires'), cell: (account) => <CertificateExpiry certificate={account.certificate} /> },
    {
      key: 'action',
      header: t('chaman.col.action'),
      label: '',
      cell: (account) => (
        <Link to={chamanPaths.account(account.id)}>
          {t('chaman.col.open')}
          <span className="visually-hidden"> {account.name}</span>
        </Link>
      ),
    },
  ];
  return <DataTable id={id} caption={caption} columns={columns} rows={accounts} rowKey={(account) => String(account.id)} />;
}

/** The delegation requests this organisation sent to a vendor; a pending one can be cancelled. */
export function DelegationTable({ delegations, onCancel }: { delegations: DelegationData[]; onCancel: (delegation: DelegationData) => void }) {
  const { t } = useTranslation();
  const columns: Column<DelegationData>[] = [
    { key: 'name', header: t('chaman.col.name'), isRowHeader: true, cell: (d) => d.accountName },
    {
      key: 'status',
      header: t('chaman.col.status'),
      cell: (d) => (
        <>
          {t(`chaman.status.${d.status}`)}
          {d.reason ? <span className="form__hint"> ({d.reason})</span> : null}
        </>
      ),
    },
    { key: 'intermediary', header: t('chaman.col.intermediary'), cell: (d) => d.intermediary.name },
    {
      key: 'action',
      header: t('chaman.col.action'),
      label: '',
      cell: (d) =>
        d.status === 'pending' ? (
          <button type="button" className="button button--small" onClick={() => onCancel(d)}>
            {t('chaman.delegations.cancel')}
            <span className="visually-hidden"> {d.accountName}</span>
          </button>
        ) : null,
    },
  ];
  return (
    <DataTable
      id="chaman-delegations"
      caption={t('chaman.delegations.caption', { count: delegations.length })}
      columns={columns}
      rows={delegations}
      rowKey={(d) => String(d.id)}
    />
  );
}

/**
 * The requests addressed to a vendor: accept or refuse a pending one; once accepted, the vendor
 * manages the account (issue 19: it keeps the certificate the expiry mails ask it to renew).
 */
export function IncomingTable({
  incoming,
  managedIds,
  onRefuse,
}: {
  incoming: DelegationData[];
  managedIds: Set<string>;
  onRefuse: (delegation: DelegationData) => void;
}) {
  const { t } = useTranslation();
  const who = (d: DelegationData) => (
    <span className="visually-hidden">
      {' '}
      {d.accountName} ({d.requester.organisationName})
    </span>
  );
  const columns: Column<DelegationData>[] = [
    { key: 'name', header: t('chaman.col.name'), isRowHeader: true, cell: (d) => d.accountName },
    {
      key: 'requester',
      header: t('chaman.col.requester'),
      cell: (d) => (
        <>
          {d.requester.organisationName}
          <br />
          <span className="nowrap">{t('header.kbo', { kbo: displayKbo(d.requester.kbo) })}</span> - {d.requester.domain}
        </>
      ),
    },
    {
      key: 'permissions',
      header: t('chaman.permissions'),
      cell: (d) => (
        <ul className="plain-list">
          {d.permissions.map((p) => (
            <li key={p}>{permissionLabel(p)}</li>
          ))}
        </ul>
      ),
    },
    { key: 'requestedAt', header: t('chaman.col.requestedAt'), className: 'nowrap', cell: (d) => formatDate(d.requestedAt) },
    {
      key: 'status',
      header: t('chaman.col.status'),
      cell: (d) => (d.status === 'pending' ? t('chaman.incoming.pending') : t(`chaman.status.${d.status}`)),
    },
    {
      key: 'action',
      header: t('chaman.col.action'),
      label: '',
      cell: (d) =>
        d.status === 'pending' ? (
          <div className="actions actions--compact">
            <Link to={chamanPaths.accept(d.id)} className="button button--small button--primary">
              {t('chaman.incoming.accept')}
              {who(d)}
            </Link>
            <button type="button" className="button button--small" onClick={() => onRefuse(d)}>
              {t('chaman.incoming.refuse')}
              {who(d)}
            </button>
          </div>
        ) : d.accountId && managedIds.has(d.accountId) ? (
          <Link to={chamanPaths.account(d.accountId)}>
            {t('chaman.incoming.manage')}
            {who(d)}
          </Link>
        ) : null,
    },
  ];
  return (
    <DataTable
      id="chaman-incoming"
      caption={t('chaman.incoming.caption', { count: incoming.length })}
      columns={columns}
      rows={incoming}
      rowKey={(d) => String(d.id)}
    />
  );
}
