/**
 * Produk layanan of a unit with the survey tracker of each: respondents gathered against
 * the target, the survey link/QR shown to users, and the user-contact list with where it
 * is kept. Targets start from the year's instrument (editable data) and can be changed.
 */
import { useState } from 'react';
import type { ProductSurvey, UnitProducts } from '../../../shared/channels/ombudsman';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';

interface Draft {
  name: string;
  targetRespondents: string;
  gathered: string;
  surveyLink: string;
  contactsRequired: string;
  contactsCount: string;
  contactsEvidence: string;
  trustResult: string;
  perceptionResult: string;
}

const decimal = (value: number | null | undefined) => (value === null || value === undefined ? '' : value.toLocaleString('id-ID', { maximumFractionDigits: 2, useGrouping: false }));

const toDraft = (product: ProductSurvey | null, defaults: UnitProducts['defaults']): Draft => ({
  name: product?.name ?? '',
  targetRespondents: String(product?.targetRespondents ?? defaults?.respondentsTarget ?? ''),
  gathered: String(product?.gathered ?? 0),
  surveyLink: product?.surveyLink ?? '',
  contactsRequired: String(product?.contactsRequired ?? defaults?.contactsMin ?? ''),
  contactsCount: String(product?.contactsCount ?? 0),
  contactsEvidence: product?.contactsEvidence ?? '',
  trustResult: decimal(product?.trustResult),
  perceptionResult: decimal(product?.perceptionResult),
});

/** Text typed in a number field → the number the host validates (empty = not set). */
const asCount = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(/\./gu, '')));
/** "82,5" → 82.5; the host refuses anything outside 0–100 with its own message. */
const asResult = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

function Meter({ value, of, label }: { value: number; of: number | null; label: string }) {
  const share = of ? Math.min(1, value / of) : 0;
  const met = of !== null && value >= of;
  return (
    <div className="stm-meter">
      <div className="stm-meter__row">
        <span>{label}</span>
        <strong>
          {formatCount(value)} dari {of === null ? '—' : formatCount(of)}
        </strong>
      </div>
      <div className="stm-meter__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={of ?? 0} aria-valuenow={value}>
        <span className={`stm-meter__fill${met ? ' stm-meter__fill--met' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

function ProductCard({ product, data, onSaved }: { product: ProductSurvey | null; data: UnitProducts; onSaved: (next: UnitProducts, created: boolean) => void }) {
  const toast = useToast();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<Draft>(() => toDraft(product, data.defaults));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await api['ombudsman:save-product']({
        periodId: data.periodId,
        unitId: data.unitId,
        ...(product ? { productId: product.productId } : {}),
        name: draft.name,
        targetRespondents: asCount(draft.targetRespondents),
        gathered: asCount(draft.gathered) ?? 0,
        surveyLink: draft.surveyLink,
        contactsRequired: asCount(draft.contactsRequired),
        contactsCount: asCount(draft.contactsCount) ?? 0,
        contactsEvidence: draft.contactsEvidence,
        trustResult: asResult(draft.trustResult),
        perceptionResult: asResult(draft.perceptionResult),
      });
      toast.success('Produk layanan disimpan', draft.name);
      onSaved(next, product === null);
      if (!product) setDraft(toDraft(null, data.defaults));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!product) return;
    const ok = await confirm({ title: 'Hapus produk layanan?', message: `“${product.name}” tidak lagi ditampilkan; catatan survei tahun-tahun sebelumnya tetap tersimpan.`, confirmLabel: 'Hapus', tone: 'danger' });
    if (!ok) return;
    try {
      onSaved(await api['ombudsman:remove-product']({ periodId: data.periodId, unitId: data.unitId, productId: product.productId }), false);
    } catch (failure) {
      toast.error('Produk layanan tidak dihapus', errorMessage(failure));
    }
  };
  const progress = product?.progress;
  return (
    <article className="stm-card" aria-label={product ? `Produk layanan ${product.name}` : 'Produk layanan baru'}>
      <header className="stm-card__head">
        <h3>{product ? product.name : 'Tambah produk layanan'}</h3>
        {progress ? progress.ready ? <Badge tone="green" icon="check">Siap</Badge> : <Badge tone="amber">Belum siap</Badge> : null}
      </header>
      {product && progress ? (
        <div className="stm-card__meters">
          <Meter label="Responden survei" value={product.gathered} of={product.targetRespondents} />
          <Meter label="Kontak pengguna layanan" value={product.contactsCount} of={product.contactsRequired} />
          {progress.notes.length > 0 ? (
            <ul className="stm-notes">
              {progress.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="stm-form">
        <TextField label="Nama produk layanan" value={draft.name} onChange={set('name')} maxLength={200} required className="stm-form__wide" />
        <TextField label="Target responden" value={draft.targetRespondents} onChange={set('targetRespondents')} inputMode="numeric" hint={data.defaults ? `Bawaan instrumen: ${data.defaults.respondentsTarget}` : undefined} />
        <TextField label="Responden terkumpul" value={draft.gathered} onChange={set('gathered')} inputMode="numeric" />
        <TextField label="Tautan atau teks QR survei untuk pengguna" value={draft.surveyLink} onChange={set('surveyLink')} maxLength={2000} className="stm-form__wide" />
        <TextField label="Kontak pengguna minimal" value={draft.contactsRequired} onChange={set('contactsRequired')} inputMode="numeric" hint={data.defaults ? `Bawaan instrumen: ${data.defaults.contactsMin}` : undefined} />
        <TextField label="Kontak pengguna tercatat" value={draft.contactsCount} onChange={set('contactsCount')} inputMode="numeric" />
        <TextField label="Bukti daftar kontak (tautan atau lokasi berkas)" value={draft.contactsEvidence} onChange={set('contactsEvidence')} maxLength={2000} className="stm-form__wide" />
        <TextField label="Hasil Kepercayaan Masyarakat (diisi kantor, 0–100)" value={draft.trustResult} onChange={set('trustResult')} placeholder="kosong bila belum terbit" />
        <TextField label="Hasil persepsi maladministrasi (diisi kantor, 0–100)" value={draft.perceptionResult} onChange={set('perceptionResult')} placeholder="kosong bila belum terbit" />
      </div>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="stm-card__foot">
        {product ? (
          <Button variant="ghost" icon="trash" onClick={remove} disabled={busy}>
            Hapus
          </Button>
        ) : null}
        <Button variant="primary" icon={product ? 'check' : 'plus'} onClick={save} busy={busy} disabled={draft.name.trim() === ''}>
          {product ? 'Simpan' : 'Tambah produk layanan'}
        </Button>
      </footer>
    </article>
  );
}

export function ProductsSection({ data, onChange }: { data: UnitProducts; onChange: (next: UnitProducts) => void }) {
  const expected = data.defaults?.productsPerUnit ?? null;
  // The empty form shows by itself only while the unit has no product yet.
  const [adding, setAdding] = useState(false);
  const showNew = adding || data.products.length === 0;
  return (
    <section className="stm-section" aria-labelledby="stm-products">
      <div className="stm-section__head">
        <h2 id="stm-products">Produk layanan dan survei</h2>
        <span className="text-muted">
          {formatCount(data.products.length)} produk{expected ? ` · Ombudsman biasanya menilai ${expected} produk per unit` : ''}
        </span>
      </div>
      <p className="stm-hint">
        <Icon name="info" size={15} /> Survei Kepercayaan Masyarakat dan persepsi maladministrasi dijalankan Ombudsman (Oktober–November). Di sini dicatat kesiapan per produk: responden yang terkumpul, tautan/QR yang ditunjukkan ke pengguna, dan daftar kontak pengguna. Hasil survei diisi di Penilaian Mandiri › Ombudsman sebagai nilai yang diisi kantor.
      </p>
      {data.defaults?.note ? <p className="text-subtle stm-hint">{data.defaults.note}</p> : null}
      {data.enteredMeans.trust !== null || data.enteredMeans.perception !== null ? (
        <p className="stm-entered" data-testid="entered-means">
          <Badge tone="blue">nilai diisi kantor</Badge> Rata-rata hasil yang diisi per produk — Kepercayaan Masyarakat: <strong>{data.enteredMeans.trust === null ? '—' : decimal(data.enteredMeans.trust)}</strong>, persepsi maladministrasi:{' '}
          <strong>{data.enteredMeans.perception === null ? '—' : decimal(data.enteredMeans.perception)}</strong>. Nilai unit untuk estimasi tetap diisi di Penilaian Mandiri › Ombudsman.
        </p>
      ) : null}
      <div className="stm-cards">
        {data.products.map((product) => (
          <ProductCard key={`${product.productId}-${product.updatedAt ?? ''}`} product={product} data={data} onSaved={(next) => onChange(next)} />
        ))}
        {showNew ? (
          <ProductCard
            key={`new-${data.products.length}`}
            product={null}
            data={data}
            onSaved={(next) => {
              setAdding(false);
              onChange(next);
            }}
          />
        ) : null}
      </div>
      {showNew ? null : (
        <div>
          <Button icon="plus" onClick={() => setAdding(true)}>
            Tambah produk layanan
          </Button>
        </div>
      )}
    </section>
  );
}
