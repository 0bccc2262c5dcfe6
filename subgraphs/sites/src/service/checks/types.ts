export type RepairKind =
  | 'SCRIPT_REMOVED'
  | 'EVENT_HANDLER_REMOVED'
  | 'UNSAFE_URL_REMOVED'
  | 'LINK_REPAIRED'
  | 'IMAGE_REMOVED'
  | 'MARKUP_REPAIRED'
  | 'EXTERNAL_RESOURCE_REMOVED'
  | 'STYLESHEET_LINKED';

/** One change the checks made to a generated file. `detail` is short: `<script> at line 12`. */
export interface Repair {
  /** The file repaired: a page's path, or `styles.css`. */
  page: string;
  kind: RepairKind;
  detail: string;
}

/** The files a generated site has: its pages (`index.html`, `about.html`) and images (`images/hero.png`). */
export interface SiteFileSet {
  pages: string[];
  images: string[];
}

export const STYLESHEET = 'styles.css';

/** A value shortened for a repair's detail. */
export function clip(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
