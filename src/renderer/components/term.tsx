/** A term with its explanation on hover and a link to the glossary on the Bantuan page. */
import type { ReactNode } from 'react';
import { href } from '../lib/router';
import { GLOSSARY_BY_ID } from '../pages/help/glossary';

export function Term({ id, children }: { id: string; children?: ReactNode }) {
  const entry = GLOSSARY_BY_ID.get(id);
  if (!entry) return <>{children}</>;
  return (
    <a className="term" href={href(`/bantuan?istilah=${entry.id}`)} title={`${entry.term}: ${entry.text}`}>
      {children ?? entry.term}
    </a>
  );
}
