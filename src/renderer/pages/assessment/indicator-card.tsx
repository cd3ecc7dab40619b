/**
 * One PEKPPP indicator: level radios for the chosen column, element ticks with the
 * suggested level, the override reason, a note and the linked evidence. Every change is
 * saved at once; the reply is the whole assessment, so the summary follows live.
 */
import { useRef, useState } from 'react';
import { suggestLevel } from '../../../core/assessment/suggest';
import type { Assessment, AssessmentIndicator } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { api, errorMessage, fieldErrors } from '../../lib/api';
import { useToast } from '../../lib/toast';
import { ElementChecklist } from './element-checklist';
import { IndicatorEvidence } from './indicator-evidence';
import { LevelOptions } from './level-options';
import { formatDelta, levelLabel } from './score-format';
import { formatWeight } from '../../lib/format';

export type Column = 'mandiri' | 'verifikasi';

interface Pending {
  level?: number | null;
  elements?: string[];
}

interface IndicatorCardProps {
  indicator: AssessmentIndicator;
  aspectCode: string;
  aspectScored: boolean;
  column: Column;
  periodId: number;
  unitId: number;
  onSaved: (assessment: Assessment) => void;
  /** Collapsed cards show one line (levels, evidence state); the body opens on demand. */
  expanded: boolean;
  onToggle: () => void;
}

function ScorePill({ label, level, other, active }: { label: string; level: number | null; other?: number | null; active: boolean }) {
  const delta = other !== undefined && other !== null && level !== null ? level - other : null;
  return (
    <span className={`score-pill${active ? ' score-pill--active' : ''}`}>
      <span className="score-pill__label">{label}</span>
      <span className="score-pill__value">{level === null ? '–' : level}</span>
      {delta !== null && delta !== 0 ? <span className={`score-pill__delta${delta < 0 ? ' score-pill__delta--down' : ''}`}>({formatDelta(delta)})</span> : null}
    </span>
  );
}

export function IndicatorCard({ indicator, aspectCode, aspectScored, column, periodId, unitId, onSaved, expanded, onToggle }: IndicatorCardProps) {
  const toast = useToast();
  const mandiri = column === 'mandiri';
  const savedLevel = mandiri ? indicator.selfLevel : indicator.verifiedLevel;
  const savedNote = mandiri ? indicator.justification : indicator.verifiedNote;
  const [pending, setPending] = useState<Pending | null>(null);
  /** What is being saved right now, shown at once so a click never looks ignored. */
  const [saving, setSaving] = useState<Pending | null>(null);
  const [reason, setReason] = useState(indicator.overrideReason);
  const [note, setNote] = useState(savedNote);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [savedFlash, setSavedFlash] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const draft: Pending = { ...saving, ...pending };
  const shownLevel = draft.level !== undefined ? draft.level : savedLevel;
  const shownTicks = draft.elements ?? indicator.ticked;
  const suggestion = (ticks: string[]) => (indicator.elements && ticks.length > 0 ? suggestLevel(indicator.elements, ticks) : null);
  const shownSuggestion = suggestion(shownTicks);
  const needsReason = mandiri && shownSuggestion !== null && shownLevel !== null && shownLevel !== shownSuggestion;
  const scored = aspectScored && indicator.scored;
  const titleId = `indikator-${indicator.code}`;

  /** The previous level (and ticks and reason) one click away, recorded in history as a revert. */
  const offerUndo = (from: number | null, to: number | null) => {
    const previous = { level: from, elements: indicator.ticked, reason: indicator.overrideReason };
    const column = mandiri ? 'mandiri' : 'verifikasi';
    toast.success(`Nilai ${column} indikator ${indicator.number}: ${levelLabel(from)} → ${levelLabel(to)}`, undefined, {
      action: {
        label: 'Urungkan',
        run: () => {
          void api['assessment:set']({
            periodId,
            unitId,
            indicatorCode: indicator.code,
            verified: !mandiri,
            level: previous.level,
            ...(mandiri ? { elements: previous.elements, overrideReason: previous.reason } : {}),
            revert: true,
          })
            .then((result) => {
              onSaved(result);
              setReason(previous.reason);
              toast.info(`Dikembalikan ke ${levelLabel(previous.level)}`, 'Pembatalan dicatat di riwayat.');
            })
            .catch((error: unknown) => toast.error('Tidak dapat diurungkan', errorMessage(error)));
        },
      },
    });
  };

  const save = async (payload: Pending, options: { withNote?: boolean; revert?: boolean } = {}) => {
    setBusy(true);
    setSaving(payload);
    try {
      const level = payload.level !== undefined ? payload.level : savedLevel;
      const ticks = payload.elements ?? indicator.ticked;
      const sugg = suggestion(ticks);
      const differs = mandiri && sugg !== null && level !== null && level !== sugg;
      const result = await api['assessment:set']({
        periodId,
        unitId,
        indicatorCode: indicator.code,
        verified: !mandiri,
        ...(payload.level !== undefined ? { level: payload.level } : {}),
        ...(payload.elements ? { elements: payload.elements } : {}),
        ...(mandiri && (differs || reason !== indicator.overrideReason) ? { overrideReason: reason } : {}),
        ...(options.withNote ? { justification: note } : {}),
      });
      onSaved(result);
      const fresh = result.aspects.flatMap((aspect) => aspect.indicators).find((entry) => entry.code === indicator.code);
      const newLevel = fresh ? (mandiri ? fresh.selfLevel : fresh.verifiedLevel) : savedLevel;
      if (!options.revert && newLevel !== savedLevel) offerUndo(savedLevel, newLevel);
      setPending(null);
      setErrors({});
      if (fresh) {
        setReason(fresh.overrideReason);
        if (options.withNote) setNote(mandiri ? fresh.justification : fresh.verifiedNote);
      }
      setSavedFlash(true);
      window.setTimeout(() => setSavedFlash(false), 2200);
    } catch (error) {
      const fields = fieldErrors(error);
      setPending(payload);
      if (Object.keys(fields).length > 0) {
        setErrors(fields);
        if (fields['overrideReason']) reasonRef.current?.focus();
      } else {
        setErrors({});
        toast.error('Nilai tidak tersimpan', errorMessage(error));
      }
    } finally {
      setSaving(null);
      setBusy(false);
    }
  };

  /** Save right away unless a reason is needed and still empty: then ask for it first. */
  const commit = (next: Pending) => {
    const merged: Pending = { ...pending, ...next };
    const level = merged.level !== undefined ? merged.level : savedLevel;
    const sugg = suggestion(merged.elements ?? indicator.ticked);
    const requiresReason = mandiri && sugg !== null && level !== null && level !== sugg;
    if (requiresReason && reason.trim() === '') {
      setPending(merged);
      setErrors({});
      window.setTimeout(() => reasonRef.current?.focus(), 0);
      return;
    }
    void save(merged);
  };

  const pickLevel = (level: number) => commit({ level });

  const toggleElement = (code: string, checked: boolean) => {
    const ticks = checked ? [...new Set([...shownTicks, code])] : shownTicks.filter((item) => item !== code);
    const before = suggestion(shownTicks);
    const after = suggestion(ticks);
    // While the level follows the suggestion (or is still empty), it moves with the ticks.
    const following = shownLevel === null || shownLevel === before;
    commit(following && after !== null ? { elements: ticks, level: after } : { elements: ticks });
  };

  const cancelPending = () => {
    setPending(null);
    setErrors({});
    setReason(indicator.overrideReason);
  };

  const otherLevel = mandiri ? indicator.verifiedLevel : indicator.selfLevel;
  const reasonDirty = reason !== indicator.overrideReason;
  const noteDirty = note !== savedNote;
  const otherNote = mandiri ? indicator.verifiedNote : indicator.justification;

  return (
    <article
      className={`indicator-card${scored ? '' : ' indicator-card--unscored'}${expanded ? '' : ' indicator-card--collapsed'}`}
      aria-labelledby={titleId}
      data-indicator={indicator.code}
    >
      <header className="indicator-card__head" onClick={(event) => (event.target as HTMLElement).closest('button') === null && onToggle()}>
        <span className="indicator-card__number" aria-hidden="true">
          {indicator.number}
        </span>
        <div className="indicator-card__title-wrap">
          <h3 className="indicator-card__title" id={titleId}>
            <button type="button" className="indicator-card__toggle" aria-expanded={expanded} aria-controls={`${titleId}-isi`} onClick={onToggle}>
              <span className="sr-only">Indikator {indicator.number}: </span>
              {indicator.name}
            </button>
          </h3>
          <div className="indicator-card__meta">
            {scored ? <span>Bobot {formatWeight(indicator.weight)} dalam aspek</span> : <Badge tone="neutral">Tidak dinilai</Badge>}
            {indicator.requirementsTotal > 0 ? (
              <span>
                Bukti terverifikasi {indicator.requirementsVerified} dari {indicator.requirementsTotal}
              </span>
            ) : null}
            {indicator.unverifiedWarning ? (
              <Badge tone="amber" icon="alert" title="Tingkat di atas 0 dipilih, tetapi belum semua bukti dukung terverifikasi.">
                Bukti belum terverifikasi semua
              </Badge>
            ) : null}
            {savedFlash ? (
              <span className="saved-flash" role="status">
                <Icon name="check" size={14} /> Tersimpan
              </span>
            ) : null}
          </div>
        </div>
        <div className="indicator-card__scores">
          <ScorePill label="Mandiri" level={indicator.selfLevel} active={mandiri} />
          <ScorePill label="Verifikasi" level={indicator.verifiedLevel} other={indicator.selfLevel} active={!mandiri} />
          <Icon name="chevron-down" size={18} className={`indicator-card__chevron${expanded ? ' is-open' : ''}`} />
        </div>
      </header>

      {expanded && !scored ? <p className="indicator-card__unscored">Indikator ini dilaporkan sebagai informasi tambahan dan tidak dihitung dalam indeks (bobot 0%).</p> : null}

      {expanded ? (
        <div className="indicator-card__body" id={`${titleId}-isi`}>
          <div className="indicator-card__levels">
            <div className="indicator-card__levels-head">
              <h4 className="card-heading">Nilai {mandiri ? 'mandiri' : 'verifikasi'}</h4>
              {savedLevel !== null && !pending ? (
                <button type="button" className="text-button" disabled={busy} onClick={() => commit({ level: null })}>
                  Kosongkan
                </button>
              ) : null}
            </div>
            <LevelOptions
              levels={indicator.levels}
              value={shownLevel}
              other={otherLevel}
              otherLabel={mandiri ? 'Verifikasi' : 'Mandiri'}
              suggested={shownSuggestion}
              columnLabel={mandiri ? 'Mandiri' : 'Verifikasi'}
              unsaved={pending !== null}
              disabled={busy}
              onPick={pickLevel}
            />
          </div>

          <div className="indicator-card__side">
            {indicator.elements ? (
              <ElementChecklist elements={indicator.elements} ticked={shownTicks} suggested={shownSuggestion} disabled={busy} onToggle={toggleElement} />
            ) : null}

            {needsReason || (mandiri && indicator.overrideReason) ? (
              <div className={`reason-box${errors['overrideReason'] ? ' reason-box--invalid' : ''}`}>
                <label className="field__label" htmlFor={`${titleId}-alasan`}>
                  Alasan memilih tingkat {shownLevel ?? '–'} (saran {shownSuggestion ?? '–'})
                </label>
                <textarea
                  ref={reasonRef}
                  id={`${titleId}-alasan`}
                  className="input note-input"
                  rows={2}
                  value={reason}
                  maxLength={500}
                  placeholder="mis. Dua unsur lain dibuktikan dengan foto bertanggal."
                  aria-invalid={errors['overrideReason'] ? true : undefined}
                  aria-describedby={errors['overrideReason'] ? `${titleId}-alasan-galat` : undefined}
                  onChange={(event) => setReason(event.target.value)}
                />
                {errors['overrideReason'] ? (
                  <div className="field__error" id={`${titleId}-alasan-galat`} role="alert">
                    {errors['overrideReason']}
                  </div>
              ) : null}
              {pending || reasonDirty ? (
                <div className="inline-actions">
                  <Button size="sm" variant="primary" busy={busy} onClick={() => void save(pending ?? {})}>
                    {pending ? 'Simpan tingkat' : 'Simpan alasan'}
                  </Button>
                  <Button size="sm" variant="ghost" disabled={busy} onClick={cancelPending}>
                    Batal
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}

          <div className="note-box">
            <label className="field__label" htmlFor={`${titleId}-catatan`}>
              {mandiri ? 'Penjelasan unit' : 'Catatan verifikasi'}
            </label>
            <textarea
              id={`${titleId}-catatan`}
              className="input note-input"
              rows={2}
              value={note}
              maxLength={4000}
              placeholder={mandiri ? 'Ringkas dasar pemilihan tingkat, mis. nomor SK dan tanggalnya.' : 'Hasil pemeriksaan Bagian Organisasi.'}
              onChange={(event) => setNote(event.target.value)}
            />
            {noteDirty ? (
              <div className="inline-actions">
                <Button size="sm" busy={busy} onClick={() => void save(pending ?? {}, { withNote: true })}>
                  Simpan catatan
                </Button>
                <Button size="sm" variant="ghost" disabled={busy} onClick={() => setNote(savedNote)}>
                  Batal
                </Button>
              </div>
            ) : null}
            {otherNote ? (
              <p className="note-box__other">
                <strong>{mandiri ? 'Catatan verifikasi:' : 'Penjelasan unit:'}</strong> {otherNote}
              </p>
            ) : null}
          </div>

            <IndicatorEvidence indicator={indicator} unitId={unitId} aspectCode={aspectCode} />
          </div>
        </div>
      ) : null}
    </article>
  );
}
