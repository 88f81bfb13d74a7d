/** `iso` shifted by whole years, 29 February becoming 28 February (as the server's addYears does). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  const year = Number(y) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === '02' && d === '29' && !leap ? '28' : d;
  return `${String(year).padStart(4, '0')}-${m}-${day}`;
}

/** Year-ends from `from` up to the year before `date`, then `date` itself (a trend's points). */
export function yearEnds(from: number, date: string): string[] {
  const last = Number(date.slice(0, 4));
  const dates: string[] = [];
  for (let y = from; y < last; y++) dates.push(`${y}-12-31`);
  if (!dates.includes(date)) dates.push(date);
  return dates.slice(-40);
}

export function isIsoDate(s: string | null | undefined): s is string {
  return !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}
