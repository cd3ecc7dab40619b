/** The unit's result as the calculator explains it: IKM, mutu, NRR per unsur, per service. */
import { useState } from 'react';
import type { SkmGroupResult, SkmUnitView } from '../../../shared/skm-types';
import { SkmBandBadge } from './band-badge';
import { count, decimal } from './format';
import { ResultsChart } from './results-chart';

function Headline({ group }: { group: SkmGroupResult }) {
  return (
    <div className="skm-headline">
      <div className="skm-headline__value" aria-label="IKM unit">
        {decimal(group.ikmConverted, 2)}
      </div>
      <div className="skm-headline__meta">
        <SkmBandBadge band={group.band} />
        <span>
          IKM {decimal(group.ikm, 3)} (skala 1–4) · {count(group.respondents)} responden
          {group.sampleNeeded !== null ? ` · sampel minimum ${count(group.sampleNeeded)}` : ''}
        </span>
      </div>
    </div>
  );
}

export function ResultsPanel({ view }: { view: SkmUnitView }) {
  const [showHow, setShowHow] = useState(false);
  const unit = view.report.unit;
  return (
    <section className="panel panel--padded" aria-labelledby="skm-results-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="skm-results-title">
            Hasil SKM unit (semua responden)
          </h2>
          <p className="panel__subtitle">NRR = jumlah nilai ÷ responden yang menjawab unsur itu; IKM × 25 dibulatkan dua desimal sebelum ditentukan mutunya.</p>
        </div>
      </div>
      <Headline group={unit} />
      {unit.notes.length > 0 ? (
        <div className="alert alert--info alert--spaced" role="status">
          {unit.notes.map((note) => (
            <div key={note}>{note}</div>
          ))}
        </div>
      ) : null}
      <div className="skm-results">
        <ResultsChart group={unit} />
        <table className="static-table skm-table">
          <thead>
            <tr>
              <th>Unsur</th>
              <th className="num">Menjawab</th>
              <th className="num">NRR</th>
              <th>Mutu</th>
            </tr>
          </thead>
          <tbody>
            {unit.unsur.map((item) => (
              <tr key={item.code} className={unit.weakest.some((weak) => weak.code === item.code) ? 'skm-table__weak' : undefined}>
                <td>
                  U{item.number} {item.name}
                </td>
                <td className="num">{count(item.answered)}</td>
                <td className="num">{decimal(item.nrr, 2)}</td>
                <td title={item.band?.kinerja}>{item.band ? item.band.mutu : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unit.weakest.length > 0 ? <p className="skm-weakest">Tiga unsur terendah (ditandai): {unit.weakest.map((item) => `${item.name} (${decimal(item.nrr, 2)})`).join(', ')}.</p> : null}
      {view.report.services.length > 0 ? (
        <table className="static-table skm-table skm-table--services">
          <thead>
            <tr>
              <th>Jenis layanan</th>
              <th className="num">Responden</th>
              <th className="num">Sampel minimum</th>
              <th className="num">IKM unit</th>
              <th>Mutu</th>
            </tr>
          </thead>
          <tbody>
            {view.report.services.map((service) => (
              <tr key={service.key}>
                <td>{service.label}</td>
                <td className="num">{count(service.respondents)}</td>
                <td className="num">
                  {service.sampleNeeded === null ? 'populasi belum diisi' : `${count(service.sampleNeeded)}${service.shortfall ? ` (kurang ${count(service.shortfall)})` : ''}`}
                </td>
                <td className="num">{decimal(service.ikmConverted, 2)}</td>
                <td>
                  <SkmBandBadge band={service.band} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="link-button skm-how" aria-expanded={showHow} onClick={() => setShowHow((value) => !value)}>
        {showHow ? 'Sembunyikan cara menghitung' : 'Tampilkan cara menghitung'}
      </button>
      {showHow ? (
        <ol className="skm-derivation">
          {unit.derivation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
