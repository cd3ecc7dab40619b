/**
 * The sticky summary beside the indicator cards: unit index and category for both
 * columns, the aspect indexes, completeness, and how the index was computed.
 */
import type { Assessment, PekpppReport } from '../../../shared/types';
import { basisText } from '../../../core/scoring/view-text';
import { BandCode, ProvisionalTag } from '../../components/badge';
import { Term } from '../../components/term';
import { formatCount, formatNumber, formatWeight } from '../../lib/format';
import type { Column } from './indicator-card';
import { formatDelta, formatScore, indexColor, shortAspectName } from './score-format';

function IndexBlock({ label, report, active, testId }: { label: string; report: PekpppReport | null; active: boolean; testId: string }) {
  const index = report?.index ?? null;
  return (
    <div className={`index-block${active ? ' index-block--active' : ''}`} data-testid={testId}>
      <div className="index-block__label">{label}</div>
      <div className="index-block__value">{index === null ? '–' : formatNumber(index, 2)}</div>
      <div className="index-block__band">
        {report && index !== null && report.band ? (
          <>
            <BandCode band={report.band} />
            <span className="index-block__band-label">{report.band.label}</span>
          </>
        ) : (
          <span className="text-subtle">Belum dinilai</span>
        )}
      </div>
      {report && index !== null && (report.view === 'current' || report.state !== 'lengkap') ? (
        <div className="index-block__basis" data-testid={`${testId}-dasar`}>
          {report.band?.provisional ? <ProvisionalTag /> : null}
          <span>{basisText(report)}</span>
        </div>
      ) : null}
    </div>
  );
}

interface SummaryProps {
  assessment: Assessment;
  column: Column;
  onJump: (aspectCode: string) => void;
}

export function AssessmentSummary({ assessment, column, onJump }: SummaryProps) {
  const self = assessment.selfReport;
  const verified = assessment.verifiedReport;
  const active = column === 'mandiri' ? self : verified;
  const bothAssessed = self.index !== null && verified.index !== null;
  return (
    <aside className="assess-summary" aria-label="Ringkasan nilai unit">
      <div className="assess-summary__card">
        <h2 className="assess-summary__title">
          Indeks Pelayanan Publik (<Term id="ipp">IPP</Term>)
        </h2>
        <IndexBlock label="Nilai terkini" report={assessment.currentReport} active={false} testId="indeks-terkini" />
        <p className="assess-summary__hint">
          <Term id="nilai-terkini">Nilai terkini</Term>: nilai verifikasi bila indikator sudah diverifikasi, selain itu nilai mandiri unit.
        </p>
        <div className="index-pair">
          <IndexBlock label="Mandiri" report={self} active={column === 'mandiri'} testId="indeks-mandiri" />
          <IndexBlock label="Verifikasi" report={verified} active={column === 'verifikasi'} testId="indeks-verifikasi" />
        </div>
        {bothAssessed && verified.index !== self.index ? (
          <p className="assess-summary__delta">
            Verifikasi {formatDelta(Number((verified.index! - self.index!).toFixed(2)), 2)} dibanding mandiri
          </p>
        ) : null}
        <div className="assess-summary__progress">
          <span>
            {formatCount(active.completeness.assessed)} dari {formatCount(active.completeness.total)} indikator dinilai ({column})
          </span>
          <span className="progress" aria-hidden="true">
            <span className="progress__bar progress__bar--accent" style={{ width: `${active.completeness.percent}%` }} />
          </span>
        </div>

        <table className="aspect-table">
          <caption className="sr-only">Indeks per aspek</caption>
          <thead>
            <tr>
              <th scope="col">Aspek</th>
              <th scope="col" className="num">
                Mandiri
              </th>
              <th scope="col" className="num">
                Verif.
              </th>
            </tr>
          </thead>
          <tbody>
            {self.aspects.map((aspect) => {
              const other = verified.aspects.find((entry) => entry.code === aspect.code);
              const value = column === 'mandiri' ? aspect.index : (other?.index ?? 0);
              const shown = (entry: typeof aspect | undefined) => (entry && entry.assessedCount > 0 ? formatScore(entry.index) : '–');
              return (
                <tr key={aspect.code}>
                  <th scope="row">
                    <button type="button" className="aspect-table__jump" onClick={() => onJump(aspect.code)} title={`${aspect.name} — bobot ${formatWeight(aspect.weight)}`}>
                      <span className="aspect-table__name">{shortAspectName(aspect.name)}</span>
                      <span className="aspect-table__weight">{aspect.scored ? formatWeight(aspect.weight) : 'tidak dinilai'}</span>
                    </button>
                    {aspect.scored ? (
                      <span className="mini-bar" aria-hidden="true">
                        <span style={{ width: `${(value / 5) * 100}%`, background: indexColor(value) }} />
                      </span>
                    ) : null}
                  </th>
                  <td className="num">{aspect.scored ? shown(aspect) : '–'}</td>
                  <td className="num">{aspect.scored ? shown(other) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <details className="derivation">
        <summary>Cara menghitung ({column})</summary>
        <ol className="derivation__lines">
          {active.derivation.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
        {active.notes.length > 0 ? (
          <ul className="derivation__notes">
            {active.notes.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </aside>
  );
}
