/** A search input with a magnifier icon and a visually hidden label (the toolbar search look). */
import { useId } from 'react';
import { Icon } from './icons';

interface SearchBoxProps {
  /** Read by screen readers only. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** Extra class next to `toolbar__search`, for the box's width in its layout. */
  className?: string;
  iconSize?: number;
  autoFocus?: boolean;
}

export function SearchBox({ label, value, onChange, placeholder, className, iconSize = 17, autoFocus }: SearchBoxProps) {
  const id = useId();
  return (
    <div className={className ? `toolbar__search ${className}` : 'toolbar__search'}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Icon name="search" size={iconSize} className="toolbar__search-icon" />
      <input
        id={id}
        type="search"
        className="input input--search"
        placeholder={placeholder}
        value={value}
        data-autofocus={autoFocus ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
