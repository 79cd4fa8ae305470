/**
 * Local keyword rules: what typed prompts, frequency and time of use would
 * tell a service about the reader. Nothing is sent to a model; matching is
 * plain string work on the reader's own device, in French and English.
 */
import type { Frequency, TimeOfDay } from './model';

export const THEMES = ['health', 'work', 'children', 'travel', 'religion', 'politics', 'finances', 'relationships'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Keyword stems per theme, accent-free and lower-case. A stem matches the
 * start of a word ("enfant" matches "enfants"); a trailing space demands the
 * whole word, for short words that start many unrelated ones ("vol ", "son ").
 */
export const THEME_KEYWORDS: Record<Theme, readonly string[]> = {
  health: [
    'sante',
    'health',
    'medecin',
    'doctor',
    'hopital',
    'hospital',
    'malad',
    'illness',
    'sick',
    'cancer',
    'diabet',
    'depress',
    'therap',
    'enceinte',
    'pregnan',
    'symptom',
    'medic',
    'pharmac',
    'infirmi',
    'nurse',
    'allerg',
    'anxi',
    'regime',
    'diet',
    'handicap',
    'disab',
  ],
  work: [
    'travail',
    'boulot',
    'job',
    'work',
    'bureau',
    'office',
    'collegue',
    'colleague',
    'patron',
    'boss',
    'manager',
    'entreprise',
    'company',
    'client',
    'reunion',
    'meeting',
    'cv ',
    'resume ',
    'entretien',
    'interview',
    'salaire',
    'salary',
    'badge',
    'career',
    'carriere',
    'promotion',
    'licenci',
    'fired',
    'layoff',
  ],
  children: [
    'enfant',
    'child',
    'kid ',
    'kids ',
    'fils',
    'fille',
    'daughter',
    'son ',
    'sons ',
    'bebe',
    'baby',
    'ecole',
    'school',
    'creche',
    'nursery',
    'ado ',
    'ados ',
    'adolescen',
    'teen',
    'maternelle',
    'kindergarten',
    'anniversaire de mon',
    'my son',
    'my daughter',
  ],
  travel: [
    'voyage',
    'travel',
    'vacances',
    'holiday',
    'vacation',
    'trip',
    'vol ',
    'vols ',
    'flight',
    'hotel',
    'plage',
    'beach',
    'aeroport',
    'airport',
    'visa',
    'passeport',
    'passport',
    'demenag',
    'moving',
    'adresse',
    'address',
    'quartier',
    'neighbourhood',
    'neighborhood',
    'ville',
    'city',
  ],
  religion: [
    'eglise',
    'church',
    'mosquee',
    'mosque',
    'synagogue',
    'temple',
    'priere',
    'pray',
    'dieu',
    'god ',
    'bible',
    'coran',
    'quran',
    'ramadan',
    'careme',
    'lent',
    'bapteme',
    'baptism',
    'messe',
    'religi',
    'shabbat',
    'hallal',
    'halal',
    'kasher',
    'kosher',
  ],
  politics: [
    'politi',
    'election',
    'electoral',
    'vote',
    'parti politique',
    'political party',
    'manif',
    'protest',
    'syndicat',
    'union ',
    'unions ',
    'greve',
    'strike',
    'gouvernement',
    'government',
    'president',
    'depute',
    'militant',
    'activis',
    'petition',
  ],
  finances: [
    'argent',
    'money',
    'banque',
    'bank',
    'credit',
    'pret',
    'loan',
    'dette',
    'debt',
    'impot',
    'tax ',
    'taxes ',
    'budget',
    'epargne',
    'saving',
    'loyer',
    'rent ',
    'hypothe',
    'mortgage',
    'facture',
    'invest',
    'bourse',
    'crypto',
    'chomage',
    'unemploy',
  ],
  relationships: [
    'mon mari',
    'husband',
    'ma femme',
    'wife',
    'copain',
    'copine',
    'boyfriend',
    'girlfriend',
    'couple',
    'divorc',
    'separat',
    'rupture',
    'breakup',
    'mariage',
    'wedding',
    'amour',
    'love ',
    'in love',
    'rencontre',
    'dating',
    'partenaire',
    'partner',
  ],
};

/** Lower-case, accents removed, punctuation turned into spaces, padded with spaces. */
export function normalise(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Whether a stem (or a short phrase) starts a word in the normalised text.
 * A keyword written with a trailing space must match a whole word ("son "
 * matches "son" but not "song").
 */
function hasStem(normalised: string, stem: string): boolean {
  return normalised.includes(` ${stem}`);
}

export interface ThemeMatch {
  theme: Theme;
  /** The keywords that matched, as written in our list (never the reader's text). */
  keywords: string[];
  /** How many of the prompts mention it. */
  prompts: number;
}

/** Themes found in the prompts, most mentioned first; stable order on ties. */
export function detectThemes(prompts: readonly string[]): ThemeMatch[] {
  const texts = prompts.map(normalise);
  const found: ThemeMatch[] = [];
  for (const theme of THEMES) {
    const keywords = new Set<string>();
    let count = 0;
    for (const text of texts) {
      const hits = THEME_KEYWORDS[theme].filter((k) => hasStem(text, k));
      if (hits.length > 0) count += 1;
      for (const h of hits) keywords.add(h.trim());
    }
    if (count > 0) found.push({ theme, keywords: [...keywords].slice(0, 4), prompts: count });
  }
  return found.sort((a, b) => b.prompts - a.prompts);
}

/** Confidence of a theme: one mention is a hint, the same theme in several prompts is a pattern. */
export function themeConfidence(match: ThemeMatch): 'low' | 'medium' | 'high' {
  if (match.prompts >= 3) return 'high';
  if (match.prompts === 2 || match.keywords.length >= 2) return 'medium';
  return 'low';
}

/** Rough uploads/conversations per year for a frequency (what a service accumulates). */
export const SESSIONS_PER_YEAR: Record<Frequency, number> = { never: 0, monthly: 12, weekly: 52, daily: 365, severalDaily: 1000 };

export interface FrequencyInference {
  sessionsPerYear: number;
  /** How well a service would know the reader's habits. */
  confidence: 'low' | 'medium' | 'high';
}

/** What the frequency adds up to; null when the reader never uses such tools. */
export function inferFrequency(frequency: Frequency): FrequencyInference | null {
  if (frequency === 'never') return null;
  const sessionsPerYear = SESSIONS_PER_YEAR[frequency];
  const confidence = sessionsPerYear >= 365 ? 'high' : sessionsPerYear >= 52 ? 'medium' : 'low';
  return { sessionsPerYear, confidence };
}

/** What a routine says, as an i18n key suffix: "routine.<key>". */
export type RoutineReading = 'earlyRiser' | 'atWork' | 'afterWork' | 'nightOwl' | 'irregular';

/** The routine a usual time of use suggests; null when the reader never uses such tools. */
export function inferRoutine(time: TimeOfDay, frequency: Frequency): { reading: RoutineReading; confidence: 'low' | 'medium' } | null {
  if (frequency === 'never') return null;
  const reading: Record<TimeOfDay, RoutineReading> = {
    morning: 'earlyRiser',
    workHours: 'atWork',
    evening: 'afterWork',
    night: 'nightOwl',
    varies: 'irregular',
  };
  // A routine is only visible after many sessions: rare use gives a weak signal.
  const confidence = frequency === 'daily' || frequency === 'severalDaily' ? 'medium' : 'low';
  return { reading: reading[time], confidence };
}
