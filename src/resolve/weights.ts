// The evidence weights and thresholds of identity resolution, in one place. Weights are log2
// Bayes factors in the Fellegi–Sunter sense (log2 m/u): how much more likely the observation is
// for two records of one person than for two records of different people. A pair's weight is
// the sum over the fields both records have; missing fields add nothing.

export const WEIGHTS = Object.freeze({
  /** Same normalised e-mail: m ≈ 0.95, u ≈ 2⁻¹² (one address per few thousand people). */
  emailMatch: 12,
  /** Both have e-mails and share none: people do have two addresses, so only mildly against. */
  emailDiffer: -3,
  /**
   * Both have e-mails, share none, but one user name before the @ at two providers
   * (juergen.koehler@gmail.com, juergen.koehler@web.de; dots, dashes, underscores and +tags
   * aside, at least 6 letters, no role address like info@ or kontakt@): people keep their
   * handle when they open a second mailbox, strangers rarely pick the same one.
   */
  emailUsername: 6,
  /** Same platform id (Meetup user id). */
  idMatch: 12,
  /** Different ids on the same platform: two accounts are rare. */
  idDiffer: -8,
  /** Same phone number (E.164). */
  phoneMatch: 10,
  phoneDiffer: -2,
  /**
   * Same full name: log2(m / E), E the expected number of people carrying the name by chance,
   * from the frequencies of its first name and surname among the inputs' identities
   * (name-frequency.ts). "Thomas Müller" in a city's lists weighs little, "Friedhelm vom Stein" a lot.
   */
  nameExactM: 0.95,
  nameExactMin: 0,
  nameExactMax: 14,
  /** "Tom Müller" for "Thomas Müller": the full name's weight less this. */
  nameShortFormPenalty: 1,
  /** A close name (typo) could be any of this many times more people than the exact name. */
  closeNameSpread: 4,
  /** Jaro–Winkler bands on the folded full name. */
  nameJaroWinklerHigh: 0.94,
  nameCloseHigh: 5,
  nameJaroWinklerLow: 0.88,
  nameCloseLow: 2,
  /**
   * A partial name that fits: same first name and one surname is the other's initial ("Jürgen
   * K."), only a first name or only the surname is known ("Anke", "Köhler"), or the same surname
   * with a first name written as its initial ("J. Köhler", "H.-J. Köhler"). Such a pair joins on
   * an identifier only when the partial name points to one person (fuzzy.ts). Without an
   * identifier, "Jürgen K." on a record without e-mail or phone joins the one person with a full
   * name it fits when nothing else competes, however common the name (fuzzy.ts, onlyFitFor).
   */
  nameInitial: 4,
  /** Names that are clearly different. */
  nameDiffer: -8,
  /**
   * Same company (normalised), or one's company matches the other's e-mail domain. It also tells
   * which of several people with e-mail who carry a name a record without e-mail is: the one
   * carrier at its company, when only one is (fuzzy.ts, rule name-company).
   */
  companyMatch: 3,
});

export const THRESHOLDS = Object.freeze({
  /** A pair at or above this weight is merged. */
  merge: 10,
  /**
   * A record joins the one person its name points to when log2 of the odds that they are one
   * person reaches this (4.3 bits: 95 %). The odds: log2(m / E) for the name (E: how many people
   * carry such a name by chance), plus the pair's other evidence (a different e-mail −3, the same
   * company +3).
   */
  nameJoin: 4.3,
  /** Between review and merge a pair waits for a person's decision (netz review). */
  review: 4,
});

/** Blocks larger than this are not compared pair by pair (a very common name). */
export const MAX_BLOCK = 400;

/**
 * First-name and first-name-plus-initial blocks larger than this are not compared: with so many
 * candidates a "Thomas M." can join nobody, and listing them all for review helps nobody.
 */
export const MAX_LOOSE_BLOCK = 60;
