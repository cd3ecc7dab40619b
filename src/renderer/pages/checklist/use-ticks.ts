/**
 * Requirements ticked for a bulk change. Ticks belong to one unit and tree node (`scope`):
 * moving elsewhere starts afresh. Only ticked rows still shown count, so a filter change
 * never leaves hidden rows in the change (what you see is what you change).
 */
import { useMemo, useState } from 'react';
import type { ChecklistRequirement } from '../../../shared/types';
import { reqKeyOf, type ReqKey } from './model';

interface Ticks {
  scope: string;
  keys: ReadonlySet<ReqKey>;
  /** Where a Shift+click range starts: the last row ticked or unticked. */
  anchor: ReqKey | null;
}

const EMPTY: ReadonlySet<ReqKey> = new Set();

export function useTicks(scope: string, shown: ChecklistRequirement[]) {
  const [ticks, setTicks] = useState<Ticks>({ scope: '', keys: EMPTY, anchor: null });
  const keys = ticks.scope === scope ? ticks.keys : EMPTY;
  const checked = shown.filter((requirement) => keys.has(reqKeyOf(requirement)));
  const checkedKeys = useMemo(() => new Set(checked.map(reqKeyOf)), [checked]);

  const check = (key: ReqKey, range: boolean) => {
    const order = shown.map(reqKeyOf);
    const anchor = ticks.scope === scope ? ticks.anchor : null;
    const next = new Set(checkedKeys);
    if (range && anchor !== null && order.includes(anchor) && order.includes(key)) {
      const [from, to] = [order.indexOf(anchor), order.indexOf(key)].sort((a, b) => a - b) as [number, number];
      for (const inRange of order.slice(from, to + 1)) next.add(inRange);
    } else if (next.has(key)) next.delete(key);
    else next.add(key);
    setTicks({ scope, keys: next, anchor: key });
  };
  const toggleAll = () => {
    const all = shown.length > 0 && checked.length === shown.length;
    setTicks({ scope, keys: all ? EMPTY : new Set(shown.map(reqKeyOf)), anchor: null });
  };
  const clear = () => setTicks({ scope, keys: EMPTY, anchor: null });

  return { checked, checkedKeys, check, toggleAll, clear };
}
