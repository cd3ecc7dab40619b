/** Countable elements (unsur) of a rubric: ticks, the suggested level and the rule behind it. */
import { thresholdText } from '../../../core/assessment/suggest';
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

export function ElementChecklist({ elements, ticked, suggested, disabled, onToggle }: ElementChecklistProps) {
  const chosen = new Set(ticked);
  const base = elements.items.find((item) => item.base);
  const count = elements.items.filter((item) => chosen.has(item.code)).length;
  return (
    <section className="elements-box" aria-label="Unsur yang terpenuhi">
      <div className="elements-box__head">
        <h4 className="card-heading">Unsur yang terpenuhi</h4>
        <span className={`suggestion${suggested === null ? ' suggestion--none' : ''}`} data-testid="saran-tingkat">
          {suggested === null ? 'Centang unsur untuk saran tingkat' : `Saran tingkat: ${suggested}`}
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
      <p className="elements-box__rule">
        {count} dari {elements.items.length} unsur dicentang · {thresholdText(elements).join(' · ')}
        {base ? ` · tanpa “${base.label}” tingkatnya 0` : ''}
      </p>
    </section>
  );
}
