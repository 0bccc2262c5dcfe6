/**
 * The checks a generated site's files pass before they are stored and packaged: every page made
 * safe (no scripts unless allowed, no handlers, no unsafe or external URLs) and consistent (a
 * full document, links and images that resolve, the site stylesheet linked), each repair reported.
 */
export { checkPage, type PageInput } from './checks/html';
export { checkStylesheet } from './checks/css';
export type { Repair, RepairKind, SiteFileSet } from './checks/types';
