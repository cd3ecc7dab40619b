/** Instruments of a year, grouped by family. One per family: ticking one unticks its sibling. */
import { coversYear, newestCovering } from '../../../core/instrument/years';
import type { InstrumentSummary } from '../../../shared/types';
import { EstimateTag } from '../../components/badge';
import { Checkbox } from '../../components/field';
import { formatYears } from '../../lib/format';

const FAMILIES: { family: InstrumentSummary['family']; label: string; hint: string }[] = [
  { family: 'pekppp', label: 'PEKPPP (KemenPANRB)', hint: 'Evaluasi kinerja penyelenggaraan pelayanan publik' },
  { family: 'ombudsman', label: 'Ombudsman RI', hint: 'Penilaian kepatuhan / opini Ombudsman' },
];

const fitsYear = (item: InstrumentSummary, year: number): boolean => coversYear(item, year);

/** The newest instrument of each family in force in `year` (the same rule the server checks against). */
export function applicableInstruments(instruments: InstrumentSummary[], year: number): number[] {
  const chosen = new Set(newestCovering(instruments, year));
  // In the families' display order.
  return FAMILIES.flatMap(({ family }) => instruments.filter((item) => item.family === family && chosen.has(item.id)).map((item) => item.id));
}

interface InstrumentPickerProps {
  instruments: InstrumentSummary[];
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string | undefined;
  /** Year used to mark instruments that do not apply to it. */
  year?: number;
}

export function InstrumentPicker({ instruments, value, onChange, error, year }: InstrumentPickerProps) {
  const toggle = (item: InstrumentSummary, on: boolean) => {
    const sameFamily = new Set(instruments.filter((other) => other.family === item.family).map((other) => other.id));
    const rest = value.filter((id) => !sameFamily.has(id));
    onChange(on ? [...rest, item.id] : rest);
  };

  return (
    <fieldset className={`picker${error ? ' picker--invalid' : ''}`} aria-describedby={error ? 'instrument-error' : undefined}>
      <legend className="field__label">
        Instrumen <span className="field__required" aria-hidden="true">*</span>
      </legend>
      <div className="picker__families">
        {FAMILIES.map(({ family, label, hint }) => {
          const items = instruments.filter((item) => item.family === family);
          return (
            <div key={family} className="picker__family">
              <div className="picker__family-head">
                <span className="picker__family-name">{label}</span>
                <span className="picker__family-hint">{hint}</span>
              </div>
              {items.length === 0 ? <div className="text-subtle">Belum ada instrumen.</div> : null}
              {items.length > 0 && year !== undefined && Number.isInteger(year) && !items.some((item) => fitsYear(item, year)) ? (
                <div className="picker__notice">Belum ada edisi untuk {year}. Centang edisi terakhir bila masih dipakai.</div>
              ) : null}
              {items.map((item) => {
                const outOfRange = year !== undefined && Number.isInteger(year) && !fitsYear(item, year);
                return (
                  <Checkbox
                    key={item.id}
                    checked={value.includes(item.id)}
                    onChange={(on) => toggle(item, on)}
                    label={
                      <span className="picker__item">
                        <span className="picker__item-name">
                          {item.shortName}
                          {item.hasEstimates ? <EstimateTag title="Sebagian bobot atau rentang nilai instrumen ini disimpulkan, bukan terbitan resmi." /> : null}
                        </span>
                        <span className="picker__item-meta">
                          <span title={item.yearsNote ?? undefined}>Berlaku {formatYears(item.yearsFrom, item.yearsTo)}</span> · versi {item.version}
                          {outOfRange ? <span className="text-warning"> · tidak berlaku untuk {year}</span> : null}
                        </span>
                        {item.yearsNote && item.yearsTo === null ? <span className="picker__item-meta">{item.yearsNote}</span> : null}
                      </span>
                    }
                  />
                );
              })}
            </div>
          );
        })}
      </div>
      {error ? (
        <div className="field__error" id="instrument-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
