/**
 * The wording of the data-protection request letter, in both letter languages and
 * under each law it can rest on. This is the document the reader sends, not UI: the
 * letter language is chosen independently of the page language, so both wordings ship
 * with the tool. Plain-text letter: straight apostrophes, so it pastes into any form.
 *
 * Primary texts:
 * - GDPR, Regulation (EU) 2016/679 (EUR-Lex, CELEX 32016R0679): Art. 6(1)(f), 12(3), 15, 17(1)(a) and (c), 18(1)(a)–(d), 19, 21(1), 77.
 * - UK GDPR and Data Protection Act 2018 (legislation.gov.uk): Art. 12 and 12A UK GDPR; s. 164A DPA 2018,
 *   inserted by s. 103 of the Data (Use and Access) Act 2025 (complaint to the controller first, acknowledged within 30 days).
 * - Switzerland: loi fédérale sur la protection des données (nLPD, RS 235.1), art. 6 al. 4, 25 (al. 2 and 7),
 *   30 al. 2 let. b, 31, 32 al. 2 let. c, 49; ordonnance sur la protection des données (OPDo, RS 235.11) art. 18.
 * - Québec: Loi sur la protection des renseignements personnels dans le secteur privé (RLRQ, c. P-39.1), as amended
 *   by Law 25 (L.Q. 2021, c. 25): art. 12, 27, 28, 32, 42–43 (the CAI).
 * Where each Swiss and Québec provision was read, and which ones we could not read in force (shown as unconfirmed
 * next to the letter): citations.ts.
 */
import type { AuthorityRegion, LawId, LetterLanguage, RestrictionGround, RightKey } from './types';

/** What the letter says under one law, in one language. */
export interface LawWording {
  /** The law's full name, for the opening sentence. */
  name: string;
  /** The law after an article list in the subject ("du RGPD", "of the GDPR"). */
  ref: string;
  /** "article"/"articles" words for the subject. */
  articleWord: { one: string; many: string };
  /** The article of each right this law gives; a right the law does not give is absent. */
  articles: Partial<Record<RightKey, number>>;
  /** One paragraph per right; `objection` receives the reader's situation (or its placeholder). */
  access: string;
  erasure: (withObjection: boolean) => string;
  restriction?: Record<RestrictionGround, string>;
  objection: (situation: string) => string;
  /** Recipients told of erasure or restriction (GDPR Art. 19); absent where the law has no such duty. */
  recipients?: string;
  /** How long they have, from receipt. */
  deadline: string;
  /** What follows silence, with the authority's name. */
  complaint: (authority: string) => string;
  /** Start of the .txt file name. */
  filename: string;
}

/** Everything the letter says in one language. */
export interface LetterWording {
  subject: (what: string) => string;
  to: (controller: string) => string;
  unconfirmedController: (service: string) => string;
  sendVia: (where: string) => string;
  copy: (dpo: string) => string;
  dateLine: (date: string) => string;
  datePlaceholder: string;
  greeting: string;
  intro: (service: string, lawName: string) => string;
  identity: (name: string, email: string) => string;
  request: string;
  situationPlaceholder: string;
  receipt: string;
  closing: string;
  namePlaceholder: string;
  emailPlaceholder: (service: string) => string;
  laws: Record<LawId, LawWording>;
  authority: Record<AuthorityRegion, string>;
}

const PHOTOS_FR = "y compris les photos et images que j'ai envoyées, leurs métadonnées (date, lieu, appareil) et les contenus produits à partir d'elles";
const PHOTOS_EN = 'including the photos and images I uploaded, their metadata (date, place, device) and the content generated from them';

const gdprFr: LawWording = {
  name: 'le règlement général sur la protection des données (RGPD, règlement (UE) 2016/679)',
  ref: 'du RGPD',
  articleWord: { one: 'article', many: 'articles' },
  articles: { access: 15, erasure: 17, restriction: 18, objection: 21 },
  access: `Accès (article 15) : de me communiquer une copie de toutes les données personnelles me concernant que vous traitez, ${PHOTOS_FR}, ainsi que les finalités du traitement, les destinataires, la durée de conservation, la source des données, et si elles ont servi à entraîner vos modèles.`,
  erasure: (withObjection) =>
    `Effacement (article 17) : d'effacer sans retard injustifié les données personnelles me concernant, ${PHOTOS_FR}, mes conversations et les souvenirs enregistrés. Je fonde cette demande sur l'article 17, paragraphe 1, point a) (elles ne sont plus nécessaires au regard des finalités pour lesquelles vous les avez collectées)${withObjection ? ", et sur le point c) (je m'oppose ci-dessous à leur traitement)" : ''}.`,
  restriction: {
    accuracy:
      "Limitation (article 18, paragraphe 1, point a) : je conteste l'exactitude des données suivantes : [précisez lesquelles]. Je vous demande d'en limiter le traitement pendant la durée qui vous permet de vérifier leur exactitude.",
    unlawful:
      "Limitation (article 18, paragraphe 1, point b) : j'estime que le traitement de mes données personnelles est illicite ; je m'oppose à leur effacement et vous demande d'en limiter l'utilisation à la place.",
    'legal-claims':
      "Limitation (article 18, paragraphe 1, point c) : même si vous n'en avez plus besoin, ces données me sont nécessaires pour la constatation, l'exercice ou la défense de droits en justice ; je vous demande de les conserver en en limitant le traitement.",
    'objection-pending':
      'Limitation (article 18, paragraphe 1, point d) : je vous demande de limiter le traitement de mes données personnelles le temps de vérifier si les motifs légitimes que vous invoqueriez prévalent sur les miens, à la suite de mon opposition ci-dessous.',
  },
  objection: (situation) =>
    `Opposition (article 21, paragraphe 1) : pour des raisons tenant à ma situation particulière, à savoir ${situation}, je m'oppose au traitement de mes données personnelles, y compris mes conversations et les images envoyées, pour entraîner et améliorer vos modèles, dans la mesure où vous le fondez sur votre intérêt légitime (article 6, paragraphe 1, point f). Je vous demande d'y mettre fin, à moins que vous ne démontriez des motifs légitimes et impérieux qui prévalent sur mes intérêts, droits et libertés.`,
  recipients: "Merci d'informer de l'effacement ou de la limitation chaque destinataire à qui ces données ont été communiquées (article 19).",
  deadline:
    "Conformément à l'article 12, paragraphe 3, du RGPD, vous devez me répondre dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de la réception de cette demande. Ce délai ne peut être prolongé de deux mois que si cela est nécessaire, compte tenu de la complexité et du nombre de demandes ; vous devez alors m'en informer dans le mois suivant la réception de la demande, en indiquant les motifs du report.",
  complaint: (authority) =>
    `Sans réponse dans ce délai, ou en cas de réponse insatisfaisante, j'introduirai une réclamation auprès de ${authority}, conformément à l'article 77 du RGPD.`,
  filename: 'demande-rgpd',
};

const gdprEn: LawWording = {
  name: 'the General Data Protection Regulation (GDPR, Regulation (EU) 2016/679)',
  ref: 'of the GDPR',
  articleWord: { one: 'Article', many: 'Articles' },
  articles: { access: 15, erasure: 17, restriction: 18, objection: 21 },
  access: `Access (Article 15): to give me a copy of all the personal data about me that you process, ${PHOTOS_EN}, together with the purposes of the processing, the recipients, the retention period, the source of the data, and whether they have been used to train your models.`,
  erasure: (withObjection) =>
    `Erasure (Article 17): to erase without undue delay the personal data about me, ${PHOTOS_EN}, my conversations and any saved memories. They are no longer necessary for the purposes for which you collected them (Article 17(1)(a))${withObjection ? ', and I object to their processing below (Article 17(1)(c))' : ''}.`,
  restriction: {
    accuracy:
      'Restriction (Article 18(1)(a)): I contest the accuracy of the following data: [say which]. Please restrict their processing for the period that enables you to verify their accuracy.',
    unlawful:
      'Restriction (Article 18(1)(b)): I consider the processing of my personal data unlawful; I oppose their erasure and ask you to restrict their use instead.',
    'legal-claims':
      'Restriction (Article 18(1)(c)): even if you no longer need them, I need these data for the establishment, exercise or defence of legal claims; please keep them and restrict their processing.',
    'objection-pending':
      'Restriction (Article 18(1)(d)): please restrict the processing of my personal data while you verify whether any legitimate grounds you rely on override mine, following my objection below.',
  },
  objection: (situation) =>
    `Objection (Article 21(1)): on grounds relating to my particular situation, namely ${situation}, I object to the processing of my personal data, including my conversations and the images I uploaded, to train and improve your models, in so far as you base it on your legitimate interests (Article 6(1)(f)). Please stop this processing, unless you demonstrate compelling legitimate grounds which override my interests, rights and freedoms.`,
  recipients: 'Please tell each recipient to whom these data were disclosed about the erasure or restriction (Article 19).',
  deadline:
    'Under Article 12(3) of the GDPR, you must answer without undue delay and at the latest within one month of receiving this request. That period may be extended by two further months only where necessary, taking into account the complexity and number of requests; you must then tell me within one month of receiving the request and give the reasons for the delay.',
  complaint: (authority) =>
    `If I receive no answer within that period, or an unsatisfactory one, I will lodge a complaint with ${authority}, under Article 77 of the GDPR.`,
  filename: 'gdpr-request',
};

const ukFr: LawWording = {
  ...gdprFr,
  name: 'le RGPD britannique (UK GDPR) et le Data Protection Act 2018',
  ref: 'du RGPD britannique',
  recipients: "Merci d'informer de l'effacement ou de la limitation chaque destinataire à qui ces données ont été communiquées (article 19 du UK GDPR).",
  deadline:
    "Conformément aux articles 12 et 12A du RGPD britannique, vous devez me répondre sans retard injustifié et au plus tard dans un délai d'un mois à compter de la réception de cette demande ; ce délai ne peut être prolongé de deux mois que si cela est nécessaire, compte tenu de la complexité et du nombre de demandes, et vous devez alors m'en informer dans le premier mois en indiquant les raisons.",
  complaint: (authority) =>
    `Sans réponse dans ce délai, ou en cas de réponse insatisfaisante, veuillez traiter ce courrier comme une réclamation adressée à vous-même au titre de la section 164A du Data Protection Act 2018 ; si elle n'aboutit pas, je saisirai ${authority}.`,
};

const ukEn: LawWording = {
  ...gdprEn,
  name: 'the UK GDPR and the Data Protection Act 2018',
  ref: 'of the UK GDPR',
  recipients: 'Please tell each recipient to whom these data were disclosed about the erasure or restriction (Article 19 UK GDPR).',
  deadline:
    'Under Articles 12 and 12A of the UK GDPR, you must answer without undue delay and at the latest within one month of receiving this request; that period may be extended by two further months only where necessary, taking into account the complexity and number of requests, in which case you must tell me within the first month and give the reasons.',
  complaint: (authority) =>
    `If I receive no answer within that period, or an unsatisfactory one, please treat this letter as a complaint to you under section 164A of the Data Protection Act 2018; if it is not resolved, I will complain to ${authority}.`,
};

const nlpdFr: LawWording = {
  name: "la loi fédérale sur la protection des données (nLPD, RS 235.1) et, dans la mesure où vous êtes établi dans l'Union européenne, le RGPD",
  ref: 'nLPD',
  articleWord: { one: 'art.', many: 'art.' },
  articles: { access: 25, erasure: 32, objection: 30 },
  access: `Accès (art. 25 nLPD) : de me communiquer les données personnelles me concernant que vous traitez, ${PHOTOS_FR}, ainsi que la finalité du traitement (y compris si elles ont servi à entraîner vos modèles), la durée de conservation ou les critères qui la fixent, les informations disponibles sur leur origine, le cas échéant l'existence d'une décision individuelle automatisée, et les destinataires, y compris à l'étranger (art. 25, al. 2).`,
  erasure: (withObjection) =>
    `Effacement (art. 6, al. 4, et art. 32, al. 2, let. c, nLPD) : d'effacer ou de détruire les données personnelles me concernant, ${PHOTOS_FR}, mes conversations et les souvenirs enregistrés, qui ne sont plus nécessaires au regard des finalités du traitement${withObjection ? ', et dont je refuse expressément le traitement (voir ci-dessous)' : ''}. La loi veut que de telles données soient détruites ou anonymisées (art. 6, al. 4) ; à défaut, je pourrai demander au juge qu'elles soient effacées ou détruites (art. 32, al. 2, let. c).`,
  objection: (situation) =>
    `Opposition (art. 30, al. 2, let. b, nLPD) : je m'oppose expressément à ce que mes données personnelles, y compris mes conversations et les images envoyées, servent à entraîner et améliorer vos modèles, en raison de ma situation : ${situation}. Sans motif justificatif au sens de l'art. 31 nLPD, poursuivre ce traitement porterait atteinte à ma personnalité.`,
  deadline:
    "Pour l'accès, conformément à l'art. 25, al. 7, nLPD et à l'art. 18 de l'ordonnance sur la protection des données (OPDo), vous devez me fournir les renseignements demandés dans les 30 jours suivant la réception de cette demande ; si vous ne le pouvez pas, vous devez m'en informer dans ce délai et m'indiquer dans quel délai vous répondrez. Un refus, une restriction ou un report doit m'être communiqué dans le même délai.",
  complaint: (authority) =>
    `Sans réponse dans ce délai, ou en cas de réponse insatisfaisante, je saisirai ${authority}, qui peut ouvrir une enquête (art. 49 nLPD), et je pourrai faire valoir mes prétentions en justice (art. 32 nLPD).`,
  filename: 'demande-nlpd',
};

const nlpdEn: LawWording = {
  name: 'the Swiss Federal Act on Data Protection (nFADP/nLPD, SR 235.1) and, in so far as you are established in the European Union, the GDPR',
  ref: 'nFADP',
  articleWord: { one: 'Art.', many: 'Arts.' },
  articles: { access: 25, erasure: 32, objection: 30 },
  access: `Access (Art. 25 nFADP): to give me the personal data about me that you process, ${PHOTOS_EN}, together with the purpose of the processing (including whether they have been used to train your models), the retention period or the criteria for setting it, the available information about their source, whether an automated individual decision has been taken, and the recipients, including those abroad (Art. 25(2)).`,
  erasure: (withObjection) =>
    `Erasure (Art. 6(4) and Art. 32(2)(c) nFADP): to erase or destroy the personal data about me, ${PHOTOS_EN}, my conversations and any saved memories, which are no longer necessary for the purposes of the processing${withObjection ? ', and whose processing I expressly refuse (see below)' : ''}. The Act requires such data to be destroyed or anonymised (Art. 6(4)); failing that, I may ask a court to have them deleted or destroyed (Art. 32(2)(c)).`,
  objection: (situation) =>
    `Objection (Art. 30(2)(b) nFADP): I expressly object to my personal data, including my conversations and the images I uploaded, being used to train and improve your models, because of my situation: ${situation}. Without grounds of justification under Art. 31 nFADP, continuing this processing would breach my privacy.`,
  deadline:
    'For access, under Art. 25(7) nFADP and Art. 18 of the Data Protection Ordinance (DPO/OPDo), you must provide the information within 30 days of receiving this request; if you cannot, you must tell me so within that period and say how long it will take. A refusal, restriction or deferral must be notified to me within the same period.',
  complaint: (authority) =>
    `If I receive no answer within that period, or an unsatisfactory one, I will report the matter to ${authority}, which may open an investigation (Art. 49 nFADP), and I may assert my claims in court (Art. 32 nFADP).`,
  filename: 'nfadp-request',
};

const qcFr: LawWording = {
  name: 'la Loi sur la protection des renseignements personnels dans le secteur privé (RLRQ, c. P-39.1), telle que modifiée par la Loi 25 (L.Q. 2021, c. 25)',
  ref: 'de la Loi sur la protection des renseignements personnels dans le secteur privé',
  articleWord: { one: 'article', many: 'articles' },
  articles: { access: 27, erasure: 28, objection: 12 },
  access: `Accès (article 27) : de me confirmer l'existence des renseignements personnels me concernant que vous détenez, ${PHOTOS_FR}, et de m'en donner communication en m'en permettant d'obtenir une copie.`,
  erasure: () =>
    `Suppression (article 28) : de supprimer les renseignements personnels me concernant, ${PHOTOS_FR}, dont la conservation n'est pas ou n'est plus autorisée par la loi.`,
  objection: (situation) =>
    `Utilisation à une autre fin (article 12) : je ne consens pas à l'utilisation de mes renseignements personnels, y compris mes conversations et les images envoyées, pour entraîner vos modèles, et je retire tout consentement que j'aurais pu donner en ce sens. Ma situation : ${situation}.`,
  deadline:
    "Conformément à l'article 32 de la Loi, vous devez donner suite à une demande d'accès ou de rectification au plus tard dans les 30 jours de la réception de cette demande ; à défaut, vous serez réputé l'avoir refusée.",
  complaint: (authority) =>
    `Sans réponse dans ce délai, ou en cas de refus, je soumettrai à ${authority} une demande d'examen de mésentente (articles 42 et 43 de la Loi).`,
  filename: 'demande-loi-25',
};

const qcEn: LawWording = {
  name: 'the Act respecting the protection of personal information in the private sector (CQLR, c. P-39.1), as amended by Law 25 (S.Q. 2021, c. 25)',
  ref: 'of the Act respecting the protection of personal information in the private sector',
  articleWord: { one: 'section', many: 'sections' },
  articles: { access: 27, erasure: 28, objection: 12 },
  access: `Access (section 27): to confirm whether you hold personal information about me, ${PHOTOS_EN}, and to communicate it to me, with a copy.`,
  erasure: () => `Deletion (section 28): to delete the personal information about me, ${PHOTOS_EN}, whose keeping is not, or no longer, authorised by law.`,
  objection: (situation) =>
    `Use for another purpose (section 12): I do not consent to my personal information, including my conversations and the images I uploaded, being used to train your models, and I withdraw any consent I may have given to that. My situation: ${situation}.`,
  deadline:
    'Under section 32 of the Act, you must respond to a request for access or rectification within 30 days of receiving this request; if you do not, you are deemed to have refused it.',
  complaint: (authority) =>
    `If I receive no answer within that period, or a refusal, I will submit an application for the examination of a disagreement to ${authority} (sections 42 and 43 of the Act).`,
  filename: 'law-25-request',
};

const fr: LetterWording = {
  subject: (what) => `Objet : demande d'exercice de mes droits (${what})`,
  to: (controller) => `À l'attention de : ${controller}, demandes relatives aux données personnelles`,
  unconfirmedController: (service) => `[l'entité que la politique de confidentialité de ${service} désigne pour votre pays]`,
  sendVia: (where) => `À envoyer à : ${where}`,
  copy: (dpo) => `Copie : délégué à la protection des données, ${dpo}`,
  dateLine: (date) => `Le ${date}`,
  datePlaceholder: '[date]',
  greeting: 'Madame, Monsieur,',
  intro: (service, law) => `J'utilise ${service} et j'exerce par la présente les droits que me donne ${law}.`,
  identity: (name, email) => `Nom : ${name}\nAdresse e-mail du compte : ${email}`,
  request: 'Je vous demande :',
  situationPlaceholder: '[décrivez votre situation particulière, par exemple : ces photos montrent mon visage, mon domicile ou mes enfants]',
  receipt: "Merci d'accuser réception de cette demande.",
  closing: "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
  namePlaceholder: '[votre nom]',
  emailPlaceholder: (service) => `[l'adresse e-mail de votre compte ${service}]`,
  laws: { gdpr: gdprFr, 'uk-gdpr': ukFr, nlpd: nlpdFr, qc: qcFr },
  authority: {
    fr: "la CNIL (Commission nationale de l'informatique et des libertés)",
    be: "l'Autorité de protection des données (APD-GBA)",
    lu: 'la Commission nationale pour la protection des données (CNPD)',
    ie: 'la Data Protection Commission irlandaise',
    'other-eu': "l'autorité de protection des données de mon pays",
    unspecified: "l'autorité de protection des données compétente, notamment celle du pays où je vis",
    ch: 'le Préposé fédéral à la protection des données et à la transparence (PFPDT)',
    qc: "la Commission d'accès à l'information du Québec (CAI)",
    uk: "l'ICO (Information Commissioner's Office)",
  },
};

const en: LetterWording = {
  subject: (what) => `Subject: request to exercise my data protection rights (${what})`,
  to: (controller) => `To: ${controller}, personal data requests`,
  unconfirmedController: (service) => `[the entity that ${service}'s privacy policy names for your country]`,
  sendVia: (where) => `Send to: ${where}`,
  copy: (dpo) => `Copy: Data Protection Officer, ${dpo}`,
  dateLine: (date) => date,
  datePlaceholder: '[date]',
  greeting: 'Dear Sir or Madam,',
  intro: (service, law) => `I use ${service}, and I am writing to exercise my rights under ${law}.`,
  identity: (name, email) => `Name: ${name}\nAccount email address: ${email}`,
  request: 'I ask you:',
  situationPlaceholder: '[describe your particular situation, for example: these photos show my face, my home or my children]',
  receipt: 'Please acknowledge receipt of this request.',
  closing: 'Yours faithfully,',
  namePlaceholder: '[your name]',
  emailPlaceholder: (service) => `[the email address of your ${service} account]`,
  laws: { gdpr: gdprEn, 'uk-gdpr': ukEn, nlpd: nlpdEn, qc: qcEn },
  authority: {
    fr: 'the CNIL (Commission nationale de l’informatique et des libertés)',
    be: 'the Belgian Data Protection Authority (APD-GBA)',
    lu: 'the National Commission for Data Protection of Luxembourg (CNPD)',
    ie: 'the Irish Data Protection Commission',
    'other-eu': 'the data protection authority of my country',
    unspecified: 'the competent data protection authority, in particular the one of the country where I live',
    ch: 'the Federal Data Protection and Information Commissioner (FDPIC)',
    qc: "the Commission d'accès à l'information du Québec (CAI)",
    uk: "the ICO (Information Commissioner's Office)",
  },
};

/** The letter's wording by letter language. */
export const LETTER_WORDING: Record<LetterLanguage, LetterWording> = { fr, en };
