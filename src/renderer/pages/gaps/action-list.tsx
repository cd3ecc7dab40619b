/** Ranked improvement actions with a bar for the gain each brings; the top 1/3/5 marked. */
import { useState } from 'react';
import type { OmbudsmanAction, PekpppAction } from '../../../shared/types';

type GapAction = PekpppAction | OmbudsmanAction;
import { Badge, type Tone } from '../../components/badge';
import { Button } from '../../components/button';

const STATUS_TONE: Record<string, Tone> = {
  belum_ada: 'red',
  perlu_perbaikan: 'amber',
  menunggu_verifikasi: 'blue',
  terverifikasi: 'green',
  tidak_berlaku: 'neutral',
};

const MILESTONES = new Set([1, 3, 5]);

function Detail({ action }: { action: GapAction }) {
  if (action.kind === 'pekppp') {
    return (
      <>
        <div className="gap-action__sub">
          Indikator {action.indicatorNumber} · {action.indicatorName}
          <span className="gap-action__levels">
            {action.fromLevel === null ? 'belum dinilai' : `tingkat ${action.fromLevel}`} → tingkat {action.toLevel}
          </span>
        </div>
        {action.nextLevelText ? <div className="gap-action__text">Syarat tingkat {action.toLevel}: {action.nextLevelText}</div> : null}
      </>
    );
  }
  return (
    <>
      <div className="gap-action__sub">
        {action.aspectName} · {action.indicatorName}
        <Badge tone={STATUS_TONE[action.status] ?? 'neutral'}>{action.statusLabel}</Badge>
      </div>
      {action.title.includes(action.requirementText) ? null : <div className="gap-action__text">{action.requirementText}</div>}
    </>
  );
}

interface ActionListProps {
  label: string;
  actions: GapAction[];
  /** How many rows show before "Tampilkan semua". */
  initial?: number;
  /** How many rows go on paper, whatever the screen shows; 0 = all. */
  printLimit?: number;
}

export function ActionList({ label, actions, initial = 10, printLimit = 0 }: ActionListProps) {
  const [all, setAll] = useState(false);
  const max = Math.max(...actions.map((action) => action.gainExact), 0);
  const onScreen = all ? actions.length : Math.min(initial, actions.length);
  const onPaper = printLimit === 0 ? actions.length : Math.min(printLimit, actions.length);
  // Rows hidden on screen may still be printed (and the other way round).
  const shown = actions.slice(0, Math.max(onScreen, onPaper));
  return (
    <>
      <ol className="gap-actions" aria-label={label}>
        {shown.map((action, index) => {
          const rank = index + 1;
          const key = action.kind === 'pekppp' ? action.indicatorCode : action.requirementCode;
          return (
            <li
              key={key}
              className={`gap-action${rank <= 5 ? ' gap-action--top' : ''}${rank > onScreen ? ' screen-hidden' : ''}${rank > onPaper ? ' print-hidden' : ''}`}
              data-rank={rank}
            >
              <span className="gap-action__rank" aria-hidden="true">
                {rank}
              </span>
              <div className="gap-action__body">
                <div className="gap-action__title">{action.title}</div>
                <Detail action={action} />
              </div>
              <div className="gap-action__gain">
                <span className="gain-bar" aria-hidden="true">
                  <span style={{ width: `${max > 0 ? Math.max(4, (action.gainExact / max) * 100) : 0}%` }} />
                </span>
                <span className="gap-action__gain-label">{action.gainLabel}</span>
              </div>
              {MILESTONES.has(rank) && rank < actions.length ? (
                <span className="gap-action__milestone" aria-hidden="true">
                  batas {rank} langkah
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {actions.length > initial ? (
        <div className="gap-actions__more no-print">
          <Button size="sm" variant="ghost" icon={all ? 'arrow-up' : 'chevron-down'} onClick={() => setAll((value) => !value)}>
            {all ? 'Tampilkan lebih sedikit' : `Tampilkan semua (${actions.length} langkah)`}
          </Button>
        </div>
      ) : null}
    </>
  );
}
