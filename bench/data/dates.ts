/** The archive's calendar: articles from 2016 to 2024, dates written `YYYY-MM-DD`. */
const pad = (n: number) => String(n).padStart(2, '0');
export const DAY_MS = 86_400_000;
export const START = Date.UTC(2016, 0, 1);
export const END = Date.UTC(2024, 11, 31);
export const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
