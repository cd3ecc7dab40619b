/** Paper questionnaires: how many respondents per sex, age band, education and occupation. */
import type { SkmSchemeView } from '../../../shared/skm-types';

export type ProfileDimension = 'sex' | 'age' | 'education' | 'occupation';
export type ProfileInput = Record<ProfileDimension, Record<string, string>>;

const TITLES: Record<ProfileDimension, string> = { sex: 'Jenis kelamin', age: 'Usia', education: 'Pendidikan', occupation: 'Pekerjaan' };

export function profileLabels(scheme: SkmSchemeView, dimension: ProfileDimension): string[] {
  return dimension === 'age' ? scheme.profile.ageBands.map((band) => band.label) : scheme.profile[dimension];
}

export function emptyProfile(scheme: SkmSchemeView): ProfileInput {
  const of = (dimension: ProfileDimension) => Object.fromEntries(profileLabels(scheme, dimension).map((label) => [label, '']));
  return { sex: of('sex'), age: of('age'), education: of('education'), occupation: of('occupation') };
}

/** Only what was typed, as numbers; the server checks the totals. */
export function profilePayload(profile: ProfileInput): Record<ProfileDimension, Record<string, number>> {
  const pick = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '').map(([label, value]) => [label, Number(value)]));
  return { sex: pick(profile.sex), age: pick(profile.age), education: pick(profile.education), occupation: pick(profile.occupation) };
}

export function ProfileFields({ scheme, value, errors, onChange }: { scheme: SkmSchemeView; value: ProfileInput; errors: Record<string, string>; onChange: (value: ProfileInput) => void }) {
  const set = (dimension: ProfileDimension, label: string, text: string) => onChange({ ...value, [dimension]: { ...value[dimension], [label]: text.replace(/\D/gu, '') } });
  return (
    <div className="skm-profile">
      {(Object.keys(TITLES) as ProfileDimension[]).map((dimension) => (
        <fieldset key={dimension} className="skm-profile__group">
          <legend>{TITLES[dimension]}</legend>
          {profileLabels(scheme, dimension).map((label) => (
            <label key={label} className="skm-profile__row">
              <span>{label}</span>
              <input className="input skm-counts__input" inputMode="numeric" aria-label={`${TITLES[dimension]}: ${label}`} value={value[dimension][label] ?? ''} onChange={(event) => set(dimension, label, event.target.value)} />
            </label>
          ))}
          {errors[`profile.${dimension}`] ? (
            <div className="field__error" role="alert">
              {errors[`profile.${dimension}`]}
            </div>
          ) : null}
        </fieldset>
      ))}
    </div>
  );
}
