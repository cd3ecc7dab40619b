import { useEffect, type ReactNode } from 'react';
import { href } from '../lib/router';
import { Icon } from './icons';

export interface Crumb {
  label: string;
  path?: string;
}

interface PageHeaderProps {
  title: string;
  breadcrumb?: Crumb[];
  description?: ReactNode;
  actions?: ReactNode;
  /** Small badges next to the title (e.g. "Aktif"). */
  meta?: ReactNode;
}

export function PageHeader({ title, breadcrumb = [], description, actions, meta }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Patuh`;
  }, [title]);
  return (
    <header className="page-header">
      <div className="page-header__main">
        {breadcrumb.length > 0 ? (
          <nav aria-label="Jejak halaman" className="breadcrumb">
            <ol>
              {breadcrumb.map((crumb, index) => (
                <li key={`${crumb.label}-${index}`}>
                  {crumb.path ? (
                    <a href={href(crumb.path)} title={crumb.label}>
                      {crumb.label}
                    </a>
                  ) : (
                    <span aria-current="page" title={crumb.label}>
                      {crumb.label}
                    </span>
                  )}
                  {index < breadcrumb.length - 1 ? <Icon name="chevron-right" size={14} className="breadcrumb__sep" /> : null}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <div className="page-header__title-row">
          <h1 className="page-header__title">{title}</h1>
          {meta}
        </div>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
