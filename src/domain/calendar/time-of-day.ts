// Wall-clock times of day written as HH:mm (00:00–23:59), held as minutes after midnight.

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a 24-hour HH:mm time such as 08:00 or 16:30. */
export function isTimeOfDay(text: string): boolean {
  return HH_MM.test(text);
}

/** Minutes after midnight of an HH:mm time; throws on anything else (configs are validated first). */
export function minutesOfDay(text: string): number {
  const match = HH_MM.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a time of day HH:mm`);
  return Number(match[1]) * 60 + Number(match[2]);
}
