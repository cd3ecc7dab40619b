/** Add typical units (DPMPTSP, Disdukcapil, Puskesmas, …) from the built-in list in one go. */
import { useMemo, useState } from 'react';
import type { BulkCreateReport, UnitTemplate } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Checkbox, FormAlert } from '../../components/field';
import { ErrorState, Loading } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useQuery } from '../../lib/use-query';

interface TemplatesDialogProps {
  onClose: () => void;
  onDone: (report: BulkCreateReport) => void;
}

interface TemplateGroup {
  name: string;
  items: UnitTemplate[];
}

function groupTemplates(templates: UnitTemplate[]): TemplateGroup[] {
  const groups = new Map<string, UnitTemplate[]>();
  for (const template of templates) groups.set(template.group, [...(groups.get(template.group) ?? []), template]);
  return [...groups].map(([name, items]) => ({ name, items }));
}

export function TemplatesDialog({ onClose, onDone }: TemplatesDialogProps) {
  const data = useQuery('templates', async () => {
    const [templates, units] = await Promise.all([api['units:templates'](), api['units:list']()]);
    return { groups: groupTemplates(templates), existing: new Set(units.map((unit) => unit.name.toLocaleLowerCase('id-ID'))) };
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exists = (template: UnitTemplate) => data.data?.existing.has(template.name.toLocaleLowerCase('id-ID')) ?? false;
  const available = useMemo(
    () => (data.data ? data.data.groups.flatMap((group) => group.items.filter((item) => !data.data!.existing.has(item.name.toLocaleLowerCase('id-ID')))) : []),
    [data.data],
  );

  const toggle = (names: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      names.forEach((name) => (on ? next.add(name) : next.delete(name)));
      return next;
    });

  const submit = async () => {
    if (selected.size === 0) {
      setError('Pilih minimal satu unit.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api['units:bulk-create']({ names: [...selected] }));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      size="lg"
      title="Tambah dari daftar bawaan"
      description="Centang unit layanan yang ada di daerah Anda. Nama dapat diubah setelah ditambahkan."
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <span className="dialog__footer-note">
            {formatCount(selected.size)} unit dipilih · {formatCount(available.length)} tersedia
          </span>
          <Button onClick={onClose} disabled={busy}>
            Batal
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()} disabled={selected.size === 0}>
            {selected.size > 0 ? `Tambahkan ${formatCount(selected.size)} unit` : 'Tambahkan'}
          </Button>
        </>
      }
    >
      <FormAlert message={error} />
      {data.data && available.length === 0 ? (
        <div className="alert alert--info alert--spaced">Semua unit di daftar bawaan sudah ditambahkan. Unit lain dapat ditambahkan satu per satu.</div>
      ) : null}
      {data.error ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
      {!data.data && !data.error ? <Loading /> : null}
      {data.data?.groups.map((group) => {
        const open = group.items.filter((item) => !exists(item)).map((item) => item.name);
        const chosen = open.filter((name) => selected.has(name)).length;
        return (
          <fieldset key={group.name} className="template-group">
            <legend className="template-group__legend">
              <span className="template-group__name">{group.name}</span>
              <span className="template-group__count">
                {formatCount(group.items.length)} unit{open.length < group.items.length ? ` · ${formatCount(group.items.length - open.length)} sudah ada` : ''}
              </span>
            </legend>
            <Checkbox
              className="template-group__all"
              label={`Pilih semua ${group.name}`}
              checked={open.length > 0 && chosen === open.length}
              indeterminate={chosen > 0 && chosen < open.length}
              disabled={open.length === 0}
              onChange={(on) => toggle(open, on)}
            />
            <div className="template-group__items">
              {group.items.map((item) => {
                const already = exists(item);
                return (
                  <Checkbox
                    key={item.name}
                    disabled={already}
                    checked={already || selected.has(item.name)}
                    onChange={(on) => toggle([item.name], on)}
                    label={
                      <span className="template-item">
                        <span className="template-item__name">{item.name}</span>
                        <span className="template-item__meta">
                          {item.shortName}
                          {already ? <Badge tone="neutral">sudah ada</Badge> : null}
                          {!already && item.ombudsmanSample ? (
                            <Badge tone="teal" title="Unit ini biasanya masuk sampel penilaian Ombudsman.">
                              sampel Ombudsman
                            </Badge>
                          ) : null}
                        </span>
                      </span>
                    }
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </Dialog>
  );
}
