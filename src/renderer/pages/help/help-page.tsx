/** Bantuan: the glossary of terms used on the screens and the keyboard shortcuts. */
import { useEffect } from 'react';
import { PageHeader } from '../../components/page-header';
import '../../styles/help.css';
import { CHECKLIST_SHORTCUTS, GLOSSARY, SHORTCUTS, type Shortcut } from './glossary';

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 ? ' + ' : ''}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

function ShortcutTable({ shortcuts, label }: { shortcuts: ReadonlyArray<Shortcut>; label: string }) {
  return (
    <table className="shortcuts" aria-label={label}>
      <tbody>
        {shortcuts.map((shortcut) => (
          <tr key={shortcut.action}>
            <th scope="row">
              <Keys keys={shortcut.keys} />
              {shortcut.or ? (
                <>
                  {' atau '}
                  <Keys keys={shortcut.or} />
                </>
              ) : null}
            </th>
            <td>{shortcut.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
        <ShortcutTable shortcuts={SHORTCUTS} label="Di semua layar" />
        <h3 className="help-page__subtitle" id="shortcuts-checklist">
          Daftar Periksa
        </h3>
        <p className="help-page__note">Tidak berlaku saat kursor berada di kolom isian atau saat dialog terbuka. Urungkan perubahan status dari pemberitahuan yang muncul (paling sedikit 10 detik).</p>
        <ShortcutTable shortcuts={CHECKLIST_SHORTCUTS} label="Pintasan Daftar Periksa" />
      </section>
    </div>
  );
}
