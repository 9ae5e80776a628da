// The desk's regions and a best guess of a person's region from their Slack time zone.

export const REGIONS = ['APAC', 'EMEA', 'AMER', 'LATAM'] as const;
export type Region = (typeof REGIONS)[number];

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/** A stored region; anything else means a corrupt row, not user input. */
export function parseRegion(value: string): Region {
  if (!isRegion(value)) throw new Error(`unknown region ${value}`);
  return value;
}

// America/* zones south of the United States (Mexico, Central and South America, Caribbean
// Spanish- and Portuguese-speaking countries) belong to LATAM; the rest of America/* to AMER.
const LATAM_ZONE_PREFIXES = [
  'America/Argentina',
  'America/Asuncion',
  'America/Bahia',
  'America/Belem',
  'America/Belize',
  'America/Boa_Vista',
  'America/Bogota',
  'America/Buenos_Aires',
  'America/Campo_Grande',
  'America/Cancun',
  'America/Caracas',
  'America/Cayenne',
  'America/Chihuahua',
  'America/Costa_Rica',
  'America/Cuiaba',
  'America/El_Salvador',
  'America/Fortaleza',
  'America/Guatemala',
  'America/Guayaquil',
  'America/Havana',
  'America/Hermosillo',
  'America/La_Paz',
  'America/Lima',
  'America/Maceio',
  'America/Managua',
  'America/Manaus',
  'America/Matamoros',
  'America/Mazatlan',
  'America/Merida',
  'America/Mexico_City',
  'America/Monterrey',
  'America/Montevideo',
  'America/Noronha',
  'America/Panama',
  'America/Paramaribo',
  'America/Porto_Velho',
  'America/Puerto_Rico',
  'America/Recife',
  'America/Santiago',
  'America/Santo_Domingo',
  'America/Sao_Paulo',
  'America/Tegucigalpa',
  'America/Tijuana',
  'Atlantic/Stanley',
  'Chile/',
  'Brazil/',
  'Mexico/',
];

const APAC_PREFIXES = ['Asia/', 'Australia/', 'Pacific/', 'Indian/', 'Antarctica/'];
const EMEA_PREFIXES = ['Europe/', 'Africa/', 'Atlantic/', 'Arctic/', 'GB', 'Eire', 'Iceland'];

/** Guesses a region from an IANA time zone; null when the zone says nothing useful (UTC, Etc/…). */
export function guessRegionFromTimeZone(timeZone: string | undefined): Region | null {
  if (!timeZone) return null;
  if (LATAM_ZONE_PREFIXES.some((prefix) => timeZone.startsWith(prefix))) return 'LATAM';
  if (timeZone.startsWith('America/') || timeZone.startsWith('US/') || timeZone.startsWith('Canada/')) {
    return 'AMER';
  }
  if (APAC_PREFIXES.some((prefix) => timeZone.startsWith(prefix))) return 'APAC';
  if (EMEA_PREFIXES.some((prefix) => timeZone.startsWith(prefix))) return 'EMEA';
  return null;
}
