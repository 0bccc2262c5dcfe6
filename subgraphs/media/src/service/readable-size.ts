const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes for people, in decimal units as file managers show them: `12.4 MB`, `1 byte`. */
export function readableSize(bytes: number): string {
  if (bytes === 1) return '1 byte';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, '');
  return `${shown} ${UNITS[unit]}`;
}
