/** Left pane: instrument → aspect/dimension → indicator, each with a progress ring. */
import { useState } from 'react';
import type { Checklist } from '../../../shared/types';
import { Icon } from '../../components/icons';
import { formatCount } from '../../lib/format';
import { selectionId, type Selection } from './model';
import { ProgressRing } from './widgets';

interface ChecklistTreeProps {
  checklist: Checklist;
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
  /** When filters are on: how many requirements match under each node (by selection id). */
  matches: Map<string, number> | null;
}

function MatchCount({ count }: { count: number | undefined }) {
  if (count === undefined) return null;
  return (
    <span className={`tree__match${count === 0 ? ' tree__match--none' : ''}`} title={`${formatCount(count)} persyaratan cocok dengan saringan`}>
      {formatCount(count)}
    </span>
  );
}

export function ChecklistTree({ checklist, selection, onSelect, matches }: ChecklistTreeProps) {
  const current = selection ? selectionId(selection) : '';
  // Aspects opened or closed by the user. A selected aspect starts open; one holding the selected indicator stays open.
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const [closedInstruments, setClosedInstruments] = useState<Set<number>>(new Set());

  const toggle = (id: string, isOpen: boolean) => {
    const without = (previous: Set<string>) => {
      const next = new Set(previous);
      next.delete(id);
      return next;
    };
    const with_ = (previous: Set<string>) => new Set(previous).add(id);
    setOpen(isOpen ? without : with_);
    setClosed(isOpen ? with_ : without);
  };

  return (
    <nav className="tree" aria-label="Struktur instrumen">
      <ul className="tree__root">
        {checklist.instruments.map((instrument) => {
          const instrumentSel: Selection = { kind: 'instrument', instrumentId: instrument.instrumentId };
          const instrumentOpen = !closedInstruments.has(instrument.instrumentId);
          const instrumentActive = current === selectionId(instrumentSel);
          return (
            <li key={instrument.instrumentId} className="tree__instrument">
              <div className={`tree__row tree__row--instrument${instrumentActive ? ' tree__row--active' : ''}`}>
                <button
                  type="button"
                  className="tree__twisty"
                  aria-expanded={instrumentOpen}
                  aria-label={`${instrumentOpen ? 'Tutup' : 'Buka'} ${instrument.shortName}`}
                  onClick={() =>
                    setClosedInstruments((previous) => {
                      const next = new Set(previous);
                      if (next.has(instrument.instrumentId)) next.delete(instrument.instrumentId);
                      else next.add(instrument.instrumentId);
                      return next;
                    })
                  }
                >
                  <Icon name={instrumentOpen ? 'chevron-down' : 'chevron-right'} size={15} />
                </button>
                <button type="button" className="tree__label" aria-current={instrumentActive ? 'true' : undefined} onClick={() => onSelect(instrumentSel)}>
                  <span className={`tree__instrument-name tree__instrument-name--${instrument.family}`}>
                    <span className="tree__text">{instrument.shortName}</span>
                  </span>
                </button>
                <MatchCount count={matches?.get(selectionId(instrumentSel))} />
                <ProgressRing progress={instrument.progress} size={24} />
              </div>
              {instrumentOpen ? (
                <ul className="tree__aspects" aria-label={`${instrument.aspectLabel} ${instrument.shortName}`}>
                  {instrument.aspects.map((aspect) => {
                    const aspectSel: Selection = { kind: 'aspect', instrumentId: instrument.instrumentId, aspectCode: aspect.code };
                    const aspectId = selectionId(aspectSel);
                    const holdsIndicator =
                      selection?.instrumentId === instrument.instrumentId &&
                      selection.kind === 'indicator' &&
                      aspect.indicators.some((indicator) => indicator.code === selection.indicatorCode);
                    const aspectActive = current === aspectId;
                    const aspectOpen = holdsIndicator || open.has(aspectId) || (aspectActive && !closed.has(aspectId));
                    return (
                      <li key={aspect.code}>
                        <div className={`tree__row tree__row--aspect${aspectActive ? ' tree__row--active' : ''}`}>
                          <button
                            type="button"
                            className="tree__twisty"
                            aria-expanded={aspectOpen}
                            aria-label={`${aspectOpen ? 'Tutup' : 'Buka'} ${aspect.name}`}
                            disabled={holdsIndicator}
                            onClick={() => toggle(aspectId, aspectOpen)}
                          >
                            <Icon name={aspectOpen ? 'chevron-down' : 'chevron-right'} size={14} />
                          </button>
                          <button
                            type="button"
                            className="tree__label"
                            aria-current={aspectActive ? 'true' : undefined}
                            onClick={() => onSelect(aspectSel)}
                            title={`${instrument.aspectLabel} ${aspect.name}`}
                          >
                            <span className="tree__text">{aspect.name}</span>
                          </button>
                          <MatchCount count={matches?.get(aspectId)} />
                          <ProgressRing progress={aspect.progress} />
                        </div>
                        {aspectOpen ? (
                          <ul className="tree__indicators">
                            {aspect.indicators.map((indicator) => {
                              const indicatorSel: Selection = { kind: 'indicator', instrumentId: instrument.instrumentId, indicatorCode: indicator.code };
                              const indicatorId = selectionId(indicatorSel);
                              const active = current === indicatorId;
                              return (
                                <li key={indicator.code}>
                                  <div className={`tree__row tree__row--indicator${active ? ' tree__row--active' : ''}`}>
                                    <button type="button" className="tree__label" aria-current={active ? 'true' : undefined} onClick={() => onSelect(indicatorSel)} title={indicator.name}>
                                      <span className="tree__number">{indicator.number}</span>
                                      <span className="tree__text">{indicator.name}</span>
                                    </button>
                                    <MatchCount count={matches?.get(indicatorId)} />
                                    <ProgressRing progress={indicator.progress} size={18} />
                                  </div>
                                </li>
                              );
                            })}
                          </ul>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
