/** Add or edit one unit. Server validation is the single source of truth: its field
 * messages appear under the fields and nothing the user typed is lost. */
import { useState } from 'react';
import type { Unit, UnitGroup } from '../../../shared/types';
import { SelectField, TextField } from '../../components/field';
import { FormDialog, useFormSubmit } from '../../components/form-dialog';
import { api } from '../../lib/api';

const NEW_GROUP = '__baru__';

interface UnitFormDialogProps {
  /** The unit being edited, or null to add a new one. */
  unit: Unit | null;
  groups: UnitGroup[];
  onClose: () => void;
  onSaved: (unit: Unit, created: boolean) => void;
}

export function UnitFormDialog({ unit, groups, onClose, onSaved }: UnitFormDialogProps) {
  const [name, setName] = useState(unit?.name ?? '');
  const [shortName, setShortName] = useState(unit?.shortName ?? '');
  const [groupChoice, setGroupChoice] = useState(unit?.groupName ?? groups[0]?.name ?? NEW_GROUP);
  const [newGroup, setNewGroup] = useState('');
  const [headName, setHeadName] = useState(unit?.headName ?? '');
  const [headNip, setHeadNip] = useState(unit?.headNip ?? '');
  const [headRank, setHeadRank] = useState(unit?.headRank ?? '');
  const [headPhone, setHeadPhone] = useState(unit?.headPhone ?? '');
  const [headEmail, setHeadEmail] = useState(unit?.headEmail ?? '');
  const form = useFormSubmit();
  const { errors } = form;

  const edit = (field: string, setter: (value: string) => void) => (value: string) => {
    setter(value);
    form.clearError(field);
  };

  const submit = async () => {
    const fields = { name, shortName, groupName: groupChoice === NEW_GROUP ? newGroup : groupChoice, headName, headNip, headRank, headPhone, headEmail };
    await form.run(async () => {
      const saved = unit ? await api['units:update']({ id: unit.id, ...fields }) : await api['units:create'](fields);
      onSaved(saved, unit === null);
    });
  };

  const creatingGroup = groupChoice === NEW_GROUP;

  return (
    <FormDialog
      title={unit ? 'Ubah unit' : 'Tambah unit'}
      description={unit ? unit.name : 'Unit layanan yang akan disiapkan untuk penilaian.'}
      onClose={onClose}
      onSubmit={submit}
      busy={form.busy}
      formError={form.formError}
      submitLabel={unit ? 'Simpan perubahan' : 'Simpan unit'}
    >
      <div className="form-grid">
        <TextField
          className="form-grid__full"
          label="Nama unit"
          required
          value={name}
          onChange={edit('name', setName)}
          error={errors['name']}
          placeholder="mis. Dinas Kependudukan dan Pencatatan Sipil"
          autoFocus
        />
        <TextField
          label="Singkatan"
          value={shortName}
          onChange={edit('shortName', setShortName)}
          error={errors['shortName']}
          placeholder="mis. Disdukcapil"
          hint="Boleh dikosongkan."
        />
        <SelectField
          label="Kelompok"
          required
          value={groupChoice}
          onChange={edit('groupName', setGroupChoice)}
          error={creatingGroup ? undefined : errors['groupName']}
        >
          {groups.map((group) => (
            <option key={group.id} value={group.name}>
              {group.name}
            </option>
          ))}
          <option value={NEW_GROUP}>+ Kelompok baru…</option>
        </SelectField>
        {creatingGroup ? (
          <TextField
            className="form-grid__full"
            label="Nama kelompok baru"
            required
            value={newGroup}
            onChange={edit('groupName', setNewGroup)}
            error={errors['groupName']}
            placeholder="mis. Kecamatan, Puskesmas, UPTD"
          />
        ) : null}
        <TextField
          className="form-grid__full"
          label="Nama kepala unit"
          value={headName}
          onChange={edit('headName', setHeadName)}
          error={errors['headName']}
          placeholder="mis. Dra. Siti Rahmawati, M.Si."
          hint="Dipakai pada tanda tangan, Nota Dinas dan Berita Acara. Boleh dikosongkan."
        />
        <TextField label="NIP kepala unit" value={headNip} onChange={edit('headNip', setHeadNip)} error={errors['headNip']} placeholder="18 angka" inputMode="numeric" maxLength={24} />
        <TextField label="Pangkat/golongan" value={headRank} onChange={edit('headRank', setHeadRank)} error={errors['headRank']} placeholder="mis. Pembina (IV/a)" />
        <TextField label="Nomor HP (WhatsApp)" value={headPhone} onChange={edit('headPhone', setHeadPhone)} error={errors['headPhone']} placeholder="mis. 0812-3456-7890" hint="Untuk pengingat lewat WhatsApp." />
        <TextField label="E-mail kepala unit" value={headEmail} onChange={edit('headEmail', setHeadEmail)} error={errors['headEmail']} placeholder="mis. dinsos@slemankab.go.id" />
      </div>
    </FormDialog>
  );
}
