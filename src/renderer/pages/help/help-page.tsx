/** Bantuan: the glossary of terms used on the screens and the keyboard shortcuts. */
import { useEffect } from 'react';
import { PageHeader } from '../../components/page-header';
import { GLOSSARY, SHORTCUTS } from './glossary';

export function HelpPage({ query }: { query: string }) {
  const highlighted = new URLSearchParams(query).get('istilah');
  useEffect(() => {
    if (highlighted) document.getElementById(`istilah-${highlighted}`)?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  return (
    <div className="page help-page">
      <PageHeader title="Bantuan" breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Bantuan' }]} description="Arti istilah yang dipakai Patuh dan pintasan papan ketik." />
      <section className="panel panel--padded" aria-labelledby="glossary-title">
        <h2 className="panel__title" id="glossary-title">
          Daftar istilah
        </h2>
        <dl className="glossary">
          {GLOSSARY.map((entry) => (
            <div key={entry.id} id={`istilah-${entry.id}`} className={`glossary__entry${entry.id === highlighted ? ' is-highlighted' : ''}`}>
              <dt>{entry.term}</dt>
              <dd>{entry.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel panel--padded" aria-labelledby="shortcuts-title">
        <h2 className="panel__title" id="shortcuts-title">
          Pintasan papan ketik
        </h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <th scope="row">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? ' + ' : ''}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
