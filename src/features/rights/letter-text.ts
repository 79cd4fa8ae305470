/**
 * The wording of the GDPR request letter, in both letter languages.
 * This is the document the reader sends, not UI: the letter language is chosen
 * independently of the page language, so both wordings ship with the tool.
 * Facts: /work/shared/research/facts.md §1.8 (addresses), §1.10 (controllers), §4 (articles, deadline, complaint).
 */
import type { AuthorityRegion, LetterLanguage, RightKey } from './letter';

/** Everything the letter says in one language. */
export interface LetterWording {
  subject: (articles: string) => string;
  to: (controller: string) => string;
  sendVia: string;
  copy: string;
  dateLine: (date: string) => string;
  datePlaceholder: string;
  greeting: string;
  intro: (lawName: string) => string;
  identity: (name: string, email: string) => string;
  request: string;
  rights: Record<RightKey, string>;
  restrictionAfterObjection: string;
  deadline: (law: string, article: string) => string;
  complaint: (authority: string, law: string) => string;
  receipt: string;
  closing: string;
  namePlaceholder: string;
  emailPlaceholder: string;
  /** The law's full name, for the opening sentence. */
  lawName: Record<'eu' | 'uk', string>;
  /** The law after an article number ("du RGPD", "of the GDPR"). */
  lawRef: Record<'eu' | 'uk', string>;
  /** The deadline article with its preposition, EU and UK. */
  deadlineArticle: Record<'eu' | 'uk', string>;
  authority: Record<AuthorityRegion, string>;
  filename: string;
}

const fr: LetterWording = {
  subject: (articles) => `Objet : demande d'exercice de mes droits (${articles})`,
  to: (controller) => `À l'attention de : ${controller}, demandes relatives aux données personnelles`,
  sendVia: 'À envoyer via le portail https://privacy.openai.com ou par e-mail à dsar@openai.com',
  copy: 'Copie : délégué à la protection des données, dpo@openai.com',
  dateLine: (date) => `Le ${date}`,
  datePlaceholder: '[date]',
  greeting: 'Madame, Monsieur,',
  intro: (law) => `Je suis titulaire d'un compte ChatGPT et j'exerce par la présente les droits que me donne ${law}.`,
  identity: (name, email) => `Nom : ${name}\nAdresse e-mail du compte : ${email}`,
  request: 'Je vous demande :',
  rights: {
    access:
      "Accès (article 15) : de me communiquer une copie de toutes les données personnelles me concernant que vous traitez, y compris les photos et images que j'ai envoyées et les contenus produits à partir d'elles, ainsi que les finalités du traitement, les destinataires, la durée de conservation et la source des données.",
    erasure:
      "Effacement (article 17) : d'effacer sans retard injustifié les données personnelles me concernant, y compris les photos et images envoyées, mes conversations et les souvenirs enregistrés (Memory).",
    restriction: "Limitation (article 18) : de limiter le traitement de mes données personnelles le temps d'examiner cette demande",
    objection:
      "Opposition (article 21) : je m'oppose à l'utilisation de mes données personnelles, y compris mes conversations et les images envoyées, pour entraîner et améliorer vos modèles, traitement que vous fondez sur votre intérêt légitime (article 6, paragraphe 1, point f). Je vous demande d'y mettre fin.",
  },
  restrictionAfterObjection: ", en particulier pendant la vérification de mon opposition (article 18, paragraphe 1, point d)",
  deadline: (law, article) =>
    `Conformément ${article} ${law}, vous devez répondre sans retard injustifié et au plus tard dans un délai d'un mois à compter de la réception de cette demande. Ce délai ne peut être prolongé de deux mois que pour une demande complexe ou nombreuse ; vous devez alors m'en informer dans le premier mois, en indiquant les raisons.`,
  complaint: (authority, law) =>
    `Sans réponse dans ce délai, ou en cas de réponse insatisfaisante, j'introduirai une réclamation auprès de ${authority}, conformément à l'article 77 ${law}.`,
  receipt: "Merci d'accuser réception de cette demande.",
  closing: "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
  namePlaceholder: '[votre nom]',
  emailPlaceholder: "[l'adresse e-mail de votre compte ChatGPT]",
  lawName: {
    eu: 'le règlement général sur la protection des données (RGPD, règlement (UE) 2016/679)',
    uk: 'le RGPD britannique (UK GDPR) et le Data Protection Act 2018',
  },
  lawRef: { eu: 'du RGPD', uk: 'du RGPD britannique (UK GDPR)' },
  deadlineArticle: { eu: "à l'article 12, paragraphe 3,", uk: 'aux articles 12 et 12A' },
  authority: {
    fr: "la CNIL (Commission nationale de l'informatique et des libertés)",
    uk: "l'ICO (Information Commissioner's Office)",
    ie: 'la Data Protection Commission irlandaise',
    'other-eu': "l'autorité de protection des données de mon pays",
    unspecified: "l'autorité de protection des données compétente, notamment celle du pays où je vis",
  },
  filename: 'demande-rgpd',
};

const en: LetterWording = {
  subject: (articles) => `Subject: request to exercise my data protection rights (${articles})`,
  to: (controller) => `To: ${controller}, personal data requests`,
  sendVia: 'Send via the portal https://privacy.openai.com or by email to dsar@openai.com',
  copy: 'Copy: Data Protection Officer, dpo@openai.com',
  dateLine: (date) => date,
  datePlaceholder: '[date]',
  greeting: 'Dear Sir or Madam,',
  intro: (law) => `I hold a ChatGPT account, and I am writing to exercise my rights under ${law}.`,
  identity: (name, email) => `Name: ${name}\nAccount email address: ${email}`,
  request: 'I ask you:',
  rights: {
    access:
      'Access (Article 15): to give me a copy of all the personal data about me that you process, including the photos and images I uploaded and the content generated from them, together with the purposes of the processing, the recipients, the retention period and the source of the data.',
    erasure:
      'Erasure (Article 17): to erase without undue delay the personal data about me, including the photos and images I uploaded, my conversations and any saved memories (Memory).',
    restriction: 'Restriction (Article 18): to restrict the processing of my personal data while this request is examined',
    objection:
      'Objection (Article 21): I object to the use of my personal data, including my conversations and the images I uploaded, to train and improve your models, processing that you base on your legitimate interests (Article 6(1)(f)). Please stop this processing.',
  },
  restrictionAfterObjection: ', in particular while my objection is being verified (Article 18(1)(d))',
  deadline: (law, article) =>
    `Under ${article} ${law}, you must answer without undue delay and at the latest within one month of receiving this request. That period may be extended by two further months only for complex or numerous requests, in which case you must tell me within the first month and give the reasons.`,
  complaint: (authority, law) =>
    `If I receive no answer within that period, or an unsatisfactory one, I will lodge a complaint with ${authority}, under Article 77 ${law}.`,
  receipt: 'Please acknowledge receipt of this request.',
  closing: 'Yours faithfully,',
  namePlaceholder: '[your name]',
  emailPlaceholder: '[the email address of your ChatGPT account]',
  lawName: {
    eu: 'the General Data Protection Regulation (GDPR, Regulation (EU) 2016/679)',
    uk: 'the UK GDPR and the Data Protection Act 2018',
  },
  lawRef: { eu: 'of the GDPR', uk: 'of the UK GDPR' },
  deadlineArticle: { eu: 'Article 12(3)', uk: 'Articles 12 and 12A' },
  authority: {
    fr: 'the CNIL (Commission nationale de l’informatique et des libertés)',
    uk: "the ICO (Information Commissioner's Office)",
    ie: 'the Irish Data Protection Commission',
    'other-eu': 'the data protection authority of my country',
    unspecified: 'the competent data protection authority, in particular the one of the country where I live',
  },
  filename: 'gdpr-request',
};

/** The letter's wording by letter language. */
export const LETTER_WORDING: Record<LetterLanguage, LetterWording> = { fr, en };
