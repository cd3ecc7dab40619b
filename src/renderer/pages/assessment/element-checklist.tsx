/** Countable elements (unsur) of a rubric: ticks, the suggested level and the rule behind it. */
import type { AssessmentIndicator } from '../../../shared/types';
import { Checkbox } from '../../components/field';

type Elements = NonNullable<AssessmentIndicator['elements']>;

interface ElementChecklistProps {
  elements: Elements;
  ticked: string[];
  suggested: number | null;
  disabled: boolean;
  onToggle: (code: string, checked: boolean) => void;
}

/** The thresholds as a two-row table: level → minimum number of ticked elements. */
function ThresholdTable({ elements, suggested }: { elements: Elements; suggested: number | null }) {
  return (
    <table className="threshold-table">
      <caption className="sr-only">Aturan saran tingkat dari jumlah unsur</caption>
      <tbody>
        <tr>
          <th scope="row">Tingkat</th>
          {elements.thresholds.map((_, index) => (
            <td key={index} className={suggested === index + 1 ? 'threshold-table__on' : undefined}>
              {index + 1}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row">Unsur</th>
          {elements.thresholds.map((minimum, index) => (
            <td key={index} className={suggested === index + 1 ? 'threshold-table__on' : undefined}>
              ≥ {minimum}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function ElementChecklist({ elements, ticked, suggested, disabled, onToggle }: ElementChecklistProps) {
  const chosen = new Set(ticked);
  const base = elements.items.find((item) => item.base);
  const count = elements.items.filter((item) => chosen.has(item.code)).length;
  return (
    <section className="elements-box" aria-label="Unsur yang terpenuhi">
      <div className="elements-box__head">
        <h4 className="card-heading">Unsur terpenuhi</h4>
        <span className={`suggestion${suggested === null ? ' suggestion--none' : ''}`} data-testid="saran-tingkat" title={suggested === null ? 'Centang unsur yang terpenuhi untuk mendapat saran tingkat.' : undefined}>
          Saran tingkat: {suggested === null ? '–' : suggested}
        </span>
      </div>
      <div className="elements-box__list">
        {elements.items.map((item) => (
          <Checkbox
            key={item.code}
            label={
              <span>
                {item.label}
                {item.base ? <span className="elements-box__base"> (unsur dasar)</span> : null}
              </span>
            }
            checked={chosen.has(item.code)}
            disabled={disabled}
            onChange={(checked) => onToggle(item.code, checked)}
          />
        ))}
      </div>
      <div className="elements-box__rule">
        <span>
          {count} dari {elements.items.length} unsur dicentang
        </span>
        <ThresholdTable elements={elements} suggested={suggested} />
        {base ? <span>Tanpa unsur dasar, tingkatnya 0.</span> : null}
      </div>
    </section>
  );
}
