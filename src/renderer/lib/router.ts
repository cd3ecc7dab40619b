/**
 * A tiny hash router: the app is a single window, so `#/unit` style paths are enough
 * and survive a reload. Segments are decoded; unknown paths fall back to Beranda.
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

/** The current path, e.g. "/tahun/3". */
export function usePath(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '/');
}

export function segments(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
}

export function href(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`;
}

export function navigate(path: string): void {
  const target = href(path);
  if (window.location.hash !== target) window.location.hash = target;
}

/** Numeric id from a segment, or null when missing or not a positive integer. */
export function idParam(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
